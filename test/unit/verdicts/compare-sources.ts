import type { SkewConfig } from '../../../server/src/common/source';
import type { Finding } from '../../../server/src/rules';
import { compareModels } from '../../../server/src/rules';
import { extractFiles } from '../contracts/extract-helper';

/** Every export of the one file is a message, as a user adopting Skew on a schema file starts. */
const EVERY_EXPORT: SkewConfig = { messages: ['src/m.ts'] };

/** Both versions of `src/m.ts` extracted and compared with every rule. */
export function compareSources(before: string, after: string, config: SkewConfig = EVERY_EXPORT) {
  const oldModel = extractFiles({ 'src/m.ts': before }, config).model;
  const newModel = extractFiles({ 'src/m.ts': after }, config).model;
  return { oldModel, newModel, ...compareModels(oldModel, newModel) };
}

/** `rule path directions`, one line per finding: what a verdict test compares. */
export const verdictLines = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')}`);
