import * as vscode from 'vscode';
import type { FolderStatuses } from './folder-statuses';

/** "Skew: deployed (v1.4.0) · 2 breaking" for the active editor's folder; a click opens the compatibility report. */
export function createStatusBar(statuses: FolderStatuses): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('skew.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Skew';
  item.command = 'skew.showReport';

  const render = () => {
    const status = statuses.forResource(vscode.window.activeTextEditor?.document.uri);
    if (!status) {
      item.hide();
      return;
    }
    if (status.state === 'error') {
      item.text = '$(error) Skew';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      const count = status.breaking === 0 ? '$(check)' : `$(warning) ${status.breaking} breaking`;
      item.text = `Skew: ${status.baseline ?? 'no baseline'} ${count}`;
      item.backgroundColor = undefined;
    }
    item.tooltip = status.message;
    item.show();
  };

  return vscode.Disposable.from(
    item,
    statuses.onDidChange(render),
    vscode.window.onDidChangeActiveTextEditor(render),
  );
}
