import type { CheckedWithModels } from './check-result';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { buildReport, type ReportModel } from './report-model';
import { formatSarif } from './sarif';
import { formatText } from './text';
import { readWorkingState } from './working-state';

/** Every `skew check --format` value; the first is the default. */
export const REPORT_FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The full report model: the check, its witnesses, the rollout plan and the working tree's git state. */
export async function reportFor(checked: CheckedWithModels): Promise<ReportModel> {
  return buildReport({ result: checked.result, models: checked.models, baselineModels: checked.baselineModels, workingTree: await readWorkingState(checked.result.root) });
}

/** The CLI's stdout for one format. */
export async function formatCheck(format: ReportFormat, checked: CheckedWithModels, options: { color?: boolean } = {}): Promise<string> {
  switch (format) {
    case 'text':
      return formatText(checked.result, { color: options.color });
    case 'json':
      return formatJson(checked.result);
    case 'markdown':
      return formatMarkdown(await reportFor(checked));
    case 'sarif':
      return formatSarif(await reportFor(checked));
    case 'github':
      return formatGithub(await reportFor(checked));
  }
}
