import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { eventually, test } from './harness';
import { expectedDiagnostic, messageUri, openMessageFile, skewExtension, workspaceRoot } from './skew-workspace';

const execFileAsync = promisify(execFile);
const COMMANDS = ['skew.compareWithBaseline', 'skew.selectBaseline', 'skew.showReport'];

test('the manifest contributes the Skew commands and the extension registers them', async () => {
  await expectedDiagnostic();
  const manifest = (await skewExtension()).packageJSON as { contributes?: { commands?: { command: string }[] } };
  const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
  const registered = await vscode.commands.getCommands(true);
  for (const id of COMMANDS) {
    assert.ok(contributed.includes(id), `package.json contributes ${id}`);
    assert.ok(registered.includes(id), `${id} is registered`);
  }
});

test('Compare with Baseline opens a diff of the deployed text against the current file', async () => {
  await openMessageFile();
  await vscode.commands.executeCommand('skew.compareWithBaseline');
  const input = await eventually('a diff editor', () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    return tab?.input instanceof vscode.TabInputTextDiff ? tab.input : undefined;
  });
  assert.equal(input.original.scheme, 'skew-baseline');
  assert.equal(input.modified.fsPath, messageUri().fsPath);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

test('Show Compatibility Report opens the report webview', async () => {
  await expectedDiagnostic();
  await vscode.commands.executeCommand('skew.showReport');
  const input = await eventually('the report tab', () => {
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('skew.report')) return tab;
    }
    return undefined;
  });
  assert.match(input.label, /Compatibility Report/);
  await vscode.window.tabGroups.close(input);
});

test('Select Baseline offers the repository refs and stores the pick in the workspace settings', async () => {
  const [folder] = vscode.workspace.workspaceFolders ?? [];
  assert.ok(folder, 'a workspace folder is open');
  const { stdout } = await execFileAsync('git', ['for-each-ref', '--format=%(refname:short)', 'refs/tags', 'refs/heads'], { cwd: workspaceRoot() });
  const refs = stdout.split('\n').filter(Boolean);
  const before = vscode.workspace.getConfiguration('skew', folder.uri).inspect<string>('baseline')?.workspaceFolderValue
    ?? vscode.workspace.getConfiguration('skew', folder.uri).inspect<string>('baseline')?.workspaceValue;
  assert.equal(before, undefined, 'the fixture starts without a stored baseline');
  let settled = false;
  const picked = Promise.resolve(vscode.commands.executeCommand('skew.selectBaseline')).finally(() => { settled = true; });
  // The quick pick is the workbench's and opens once the server has listed the refs: its first entry is
  // "Automatic" (no stored value), so move to the next one (the newest tag) and accept it, as a person would
  // with Down and Enter. Repeated while the command is still waiting, in case the pick was not open yet.
  for (let attempt = 0; attempt < 10 && !settled; attempt++) {
    await new Promise((r) => setTimeout(r, 1_000));
    if (settled) break;
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  await picked;
  const stored = await eventually('skew.baseline in the workspace settings', () => {
    const i = vscode.workspace.getConfiguration('skew', folder.uri).inspect<string>('baseline');
    return i?.workspaceFolderValue ?? i?.workspaceValue;
  });
  assert.ok(refs.includes(stored), `stored baseline ${JSON.stringify(stored)} is one of ${refs.join(', ')}`);
  assert.equal(stored, 'deployed', 'the fixture\'s only tag comes right after Automatic');
});
