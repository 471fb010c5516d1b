import type { CodeLens, Location } from 'vscode-languageserver';
import * as path from 'node:path';
import { contractsInFile } from './contracts-in-file';
import { findingsFor, statusLine } from './contract-status';
import type { FolderView } from './folder-checker';
import type { CodeLensSetting } from './settings';
import { PEEK_FINDINGS_COMMAND } from '../shared/protocol';
import { toBaselineUri } from '../shared/baseline-uri';
import { pathToUri } from './uris';

/**
 * A lens above each contract of the file that breaks against the baseline (every contract with `all`): a click
 * peeks that contract's findings in place, as TypeScript's references lens does.
 */
export function contractLenses(view: FolderView, file: string, setting: CodeLensSetting = 'breaking'): CodeLens[] {
  if (setting === 'off') return [];
  const baseline = view.checked.models?.baseline;
  const { root, baseline: b } = view.checked.result;
  const lenses: CodeLens[] = [];
  for (const c of contractsInFile(view, file)) {
    const findings = findingsFor(view.checked.result.findings, c.name);
    if (findings.length === 0 && setting !== 'all') continue;
    const isNew = baseline !== undefined && !baseline.contracts[c.name];
    const title = isNew ? `new since ${view.label}` : statusLine(findings.length, view.label);
    const locations: Location[] = findings.map((f) =>
      f.loc
        ? { uri: pathToUri(path.join(root, ...f.loc.file.split('/'))), range: f.loc.range }
        : f.baselineLoc
          ? { uri: toBaselineUri({ file: f.baselineLoc.file, commit: b.commit, root, label: view.words.tab }), range: f.baselineLoc.range }
          : { uri: pathToUri(file), range: c.loc.range },
    );
    const command = findings.length > 0 ? { title, command: PEEK_FINDINGS_COMMAND, arguments: [pathToUri(file), c.loc.range.start, locations] } : { title, command: '' };
    lenses.push({ range: c.loc.range, command });
  }
  return lenses;
}
