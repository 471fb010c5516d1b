import * as vscode from 'vscode';
import type { FolderStatuses } from './folder-statuses';

/**
 * "Skew: deployed (v1.4.0) ✓" or "Skew: v0.9.0 (selected) ⊗ 2 breaking" for the active editor's folder; a
 * click opens the compatibility report (or, for a problem, what fixes it). Nothing at all in a folder without
 * contracts.
 */
export function createStatusBar(statuses: FolderStatuses): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('skew.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Skew';

  const render = () => {
    const status = statuses.forResource(vscode.window.activeTextEditor?.document.uri);
    if (!status || status.hasContracts === false) {
      item.hide();
      return;
    }
    let click: string;
    if (status.state === 'error') {
      const noBaseline = status.problem === 'no-baseline';
      item.text = noBaseline ? '$(error) Skew: no baseline' : '$(error) Skew';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.command = noBaseline ? 'skew.selectBaseline' : 'skew.showOutput';
      click = noBaseline ? 'Click to select a baseline.' : 'Click to show the Skew output.';
    } else {
      const count = status.breaking === 0 ? '$(check)' : `$(error) ${status.breaking} breaking`;
      item.text = `Skew: ${status.baseline ?? 'no baseline'} ${count}`;
      item.backgroundColor = undefined;
      item.command = 'skew.showReport';
      click = 'Click to open the compatibility report.';
    }
    item.tooltip = `${status.message}\n\n${click}`;
    item.show();
  };

  return vscode.Disposable.from(
    item,
    statuses.onDidChange(render),
    vscode.window.onDidChangeActiveTextEditor(render),
  );
}
