import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/shared/protocol';

/** The last skew/status of each workspace folder, and an event when one changes. */
export class FolderStatuses implements vscode.Disposable {
  private readonly byFolder = new Map<string, StatusParams>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  set(status: StatusParams): void {
    this.byFolder.set(status.folder, status);
    this.emitter.fire();
  }

  /** The status of the folder holding `uri` (the active editor's), or of the only folder. */
  forResource(uri: vscode.Uri | undefined): StatusParams | undefined {
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? this.byFolder.get(folder.uri.toString()) : undefined;
  }

  all(): StatusParams[] {
    return [...this.byFolder.values()];
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
