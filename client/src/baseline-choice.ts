import * as vscode from 'vscode';

/**
 * The baseline a person picked with Select Baseline…, kept in the workspace's own state (per folder), so a pick
 * writes nothing into the repository. It wins over the shared `skew.baseline` setting; sharing it moves it there.
 */
export class BaselineChoice implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  private key = (folder: vscode.Uri) => `skew.baseline:${folder.toString()}`;

  get(folder: vscode.Uri): string | undefined {
    const v = this.state.get<string>(this.key(folder));
    return typeof v === 'string' && v ? v : undefined;
  }

  async set(folder: vscode.Uri, ref: string | undefined): Promise<void> {
    await this.state.update(this.key(folder), ref || undefined);
    void vscode.commands.executeCommand('setContext', 'skew.hasWorkspaceBaseline', this.any());
    this.emitter.fire();
  }

  /** Whether any open folder has a choice of its own (the Share command is offered then). */
  any(): boolean {
    return (vscode.workspace.workspaceFolders ?? []).some((f) => this.get(f.uri) !== undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/**
 * Removes `skew.baseline` from a folder's settings, and the settings file with it when that leaves it empty
 * (`{}`), so resetting a shared choice leaves the repository as it was before Skew wrote to it.
 */
export async function clearSharedBaseline(folder: vscode.WorkspaceFolder): Promise<void> {
  const config = vscode.workspace.getConfiguration('skew', folder.uri);
  if (config.inspect<string>('baseline')?.workspaceFolderValue === undefined) return;
  await config.update('baseline', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  const dir = vscode.Uri.joinPath(folder.uri, '.vscode');
  const file = vscode.Uri.joinPath(dir, 'settings.json');
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    // Only a file with nothing else in it, comments included, is removed.
    if (text.replace(/\s+/g, '') !== '{}') return;
    await vscode.workspace.fs.delete(file);
    if ((await vscode.workspace.fs.readDirectory(dir)).length === 0) await vscode.workspace.fs.delete(dir);
  } catch {
    // No file, or one that changed meanwhile: nothing of ours to tidy up.
  }
}
