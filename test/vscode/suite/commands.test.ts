import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { eventually, test } from './harness';
import type { SkewTestApi } from '../../../client/src/extension';
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

const choiceOf = async (folder: vscode.Uri) => ((await skewExtension()).exports as SkewTestApi).baselineChoice(folder);
const settingsFile = () => path.join(workspaceRoot(), '.vscode', 'settings.json');

/** Runs Select Baseline… and, once the quick pick is open, moves `down` entries and accepts, as a person would. */
async function pickBaseline(down: number): Promise<void> {
  let settled = false;
  const picked = Promise.resolve(vscode.commands.executeCommand('skew.selectBaseline')).finally(() => { settled = true; });
  // The quick pick is the workbench's and opens once the server has listed the refs: its first entry is
  // "Automatic". Repeated while the command is still waiting, in case the pick was not open yet.
  for (let attempt = 0; attempt < 10 && !settled; attempt++) {
    await new Promise((r) => setTimeout(r, 1_000));
    if (settled) break;
    for (let i = 0; i < down; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  await picked;
}

test('Select Baseline offers the repository refs and keeps the pick in the workspace state, writing nothing into the repository', async () => {
  const [folder] = vscode.workspace.workspaceFolders ?? [];
  assert.ok(folder, 'a workspace folder is open');
  const { stdout } = await execFileAsync('git', ['for-each-ref', '--format=%(refname:short)', 'refs/tags', 'refs/heads'], { cwd: workspaceRoot() });
  const refs = stdout.split('\n').filter(Boolean);
  const inspect = () => vscode.workspace.getConfiguration('skew', folder.uri).inspect<string>('baseline');
  assert.equal(inspect()?.workspaceFolderValue ?? inspect()?.workspaceValue, undefined, 'the fixture starts without a stored baseline');
  assert.equal(await choiceOf(folder.uri), undefined);

  await pickBaseline(1);
  const stored = await eventually('the pick in the workspace state', () => choiceOf(folder.uri));
  assert.ok(refs.includes(stored), `stored baseline ${JSON.stringify(stored)} is one of ${refs.join(', ')}`);
  assert.equal(stored, 'deployed', 'the fixture\'s only tag comes right after Automatic');
  assert.equal(inspect()?.workspaceFolderValue ?? inspect()?.workspaceValue, undefined, 'not written to the settings');
  assert.ok(!fs.existsSync(settingsFile()), 'no .vscode/settings.json appeared');
  const api = (await skewExtension()).exports as SkewTestApi;
  await eventually('the status names the pick as selected', () => api.statuses().find((s) => s.baseline === 'deployed (selected)'));

  // Shared on request: then it is the folder's setting, and the workspace's own pick is gone.
  await vscode.commands.executeCommand('skew.shareBaseline');
  assert.equal(inspect()?.workspaceFolderValue, 'deployed');
  assert.equal(await choiceOf(folder.uri), undefined);
  assert.ok(fs.existsSync(settingsFile()));

  // Back to Automatic: the setting goes, and the settings file Skew made does not stay behind as `{}`.
  await pickBaseline(0);
  await eventually('the shared setting removed', () => (inspect()?.workspaceFolderValue === undefined ? true : undefined));
  assert.ok(!fs.existsSync(settingsFile()), 'no empty settings file left behind');
  await eventually('the status back to the tag', () => api.statuses().find((s) => s.baseline?.startsWith('deployed (') && s.baseline !== 'deployed (selected)'));
});

test('the compare command is "Compare with Baseline", and its diff names the baseline for what it is', async () => {
  const manifest = (await skewExtension()).packageJSON as { contributes?: { commands?: { command: string; title: string }[] } };
  assert.equal(manifest.contributes?.commands?.find((c) => c.command === 'skew.compareWithBaseline')?.title, 'Compare with Baseline');
  await expectedDiagnostic();
  await openMessageFile();
  await vscode.commands.executeCommand('skew.compareWithBaseline');
  const tab = await eventually('a diff editor', () => {
    const t = vscode.window.tabGroups.activeTabGroup.activeTab;
    return t?.input instanceof vscode.TabInputTextDiff ? t : undefined;
  });
  assert.match(tab.label, /^order-created\.ts \(deployed [0-9a-f]{7}\) ↔ order-created\.ts$/);
  const left = (tab.input as vscode.TabInputTextDiff).original;
  assert.match(left.path, /order-created\.ts \(deployed [0-9a-f]{7}\)$/, 'the baseline document\'s own name says which version it is');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});
