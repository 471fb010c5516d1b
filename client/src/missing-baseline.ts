import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/shared/protocol';

const SELECT = 'Select Baseline…';
const TAG = 'Tag HEAD as deployed';
const QUIET = "Don't Ask Again for This Folder";

/**
 * One notification per folder and session when a folder with contracts has no baseline, with the remedies as
 * buttons; "Don't ask again" is remembered in the workspace's state.
 */
export class MissingBaselinePrompt {
  private readonly asked = new Set<string>();

  constructor(private readonly state: vscode.Memento) {}

  private key = (folder: string) => `skew.noBaselinePrompt.off:${folder}`;

  consider(status: StatusParams): void {
    if (status.problem !== 'no-baseline' || status.hasContracts === false) return;
    if (this.asked.has(status.folder) || this.state.get<boolean>(this.key(status.folder))) return;
    this.asked.add(status.folder);
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === status.folder);
    if (!folder) return;
    void vscode.window
      .showWarningMessage(`Skew has nothing to compare ${folder.name} with: there is no tag named deployed and no version tag.`, SELECT, TAG, QUIET)
      .then(async (button) => {
        if (button === SELECT) await vscode.commands.executeCommand('skew.selectBaseline', folder);
        else if (button === TAG) await vscode.commands.executeCommand('skew.tagDeployed', folder);
        else if (button === QUIET) await this.state.update(this.key(status.folder), true);
      });
  }
}
