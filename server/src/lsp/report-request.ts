import type { CheckedProject } from './session-port';
import { readTextFile, SOURCE_FILE_LIMIT } from '../common/safe-read';
import type { ReportResult } from '../shared/protocol';
import { formatMarkdown } from '../report/markdown';
import { buildReport } from '../report/report-model';
import { readWorkingState } from '../report/working-state';

/** What answering skew/report needs from a workspace folder (a FolderChecker). */
export interface ReportableFolder {
  folderPath: string;
  /** Resolves once pending checks are done, so the report matches what the editor shows. */
  settled(): Promise<void>;
  view?: { checked: CheckedProject };
  contains(file: string): boolean;
}

export interface OpenDocument {
  /** Absolute path, when the document is a file. */
  file?: string;
  text: string;
}

/**
 * Answers skew/report for one folder: its last check, with witnesses, the rollout plan and the git state, plus
 * the same report as Markdown so the client can export or copy it without any analysis code of its own.
 */
export async function answerReport(folder: ReportableFolder | undefined, documents: readonly OpenDocument[]): Promise<ReportResult> {
  if (!folder) return { message: 'Open a folder with a tsconfig.json first: Skew reports on workspace folders.' };
  await folder.settled();
  const checked = folder.view?.checked;
  if (!checked) {
    return { message: `Skew has no result for ${folder.folderPath} yet; the status bar item says why (no baseline tag, not a git repository…).` };
  }
  const workingTree = await readWorkingState(checked.result.root);
  const unsaved = documents.filter((d) => d.file && folder.contains(d.file) && differsFromDisk(d.file, d.text)).length;
  if (unsaved) workingTree.unsaved = unsaved;
  const report = buildReport({
    result: checked.result,
    models: checked.models ? { baseline: checked.models.baseline, working: checked.models.working } : undefined,
    workingTree,
  });
  return { report, markdown: formatMarkdown(report) };
}

function differsFromDisk(file: string, text: string): boolean {
  try {
    return readTextFile(file, SOURCE_FILE_LIMIT) !== text;
  } catch {
    return true;
  }
}
