import { checkWithModels } from '../../../server/src/project/check-once';
import { toJsonReport } from '../../../server/src/report/json';
import type { JsonReport } from '../../../server/src/report/json';
import type { CheckResult } from '../../../server/src/report/check-result';

/**
 * `skew check --format json` without a child process: the same project session call the CLI makes, on the same
 * folder and cache, with the exit code the CLI would return. The CLI suite covers the process around it.
 */
export async function checkInProcess(dir: string, cacheDir: string): Promise<{ code: number; report: JsonReport; result: CheckResult }> {
  const { result } = await checkWithModels({ cwd: dir, cacheDir });
  const code = result.problems.some((p) => p.uncheckable) ? 2 : result.findings.length > 0 ? 1 : 0;
  return { code, report: toJsonReport(result), result };
}
