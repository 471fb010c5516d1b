import type { CodeLens } from 'vscode-languageserver';
import { contractsInFile } from './contracts-in-file';
import { findingsFor, statusLine } from './contract-status';
import type { FolderView } from './folder-checker';

/** The VS Code client's command that opens the Problems view; other editors show the title only. */
export const SHOW_PROBLEMS_COMMAND = 'skew.showProblems';

/** One lens above each contract declared in the file: its status against the baseline. */
export function contractLenses(view: FolderView, file: string): CodeLens[] {
  const baseline = view.checked.models?.baseline;
  return contractsInFile(view, file).map((c) => {
    const count = findingsFor(view.checked.result.findings, c.name).length;
    const isNew = baseline !== undefined && !baseline.contracts[c.name];
    const title = isNew ? `new since ${view.label}` : statusLine(count, view.label);
    return {
      range: c.loc.range,
      command: { title, command: count > 0 ? SHOW_PROBLEMS_COMMAND : '' },
    };
  });
}
