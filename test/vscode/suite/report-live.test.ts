import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SkewTestApi } from '../../../client/src/extension';
import { eventually, test } from './harness';
import { expectedDiagnostic, messageUri, skewExtension } from './skew-workspace';

test('the open report follows edits without a click on Refresh', async () => {
  await expectedDiagnostic();
  const api = (await skewExtension()).exports as SkewTestApi;
  await vscode.commands.executeCommand('skew.showReport');
  const first = await eventually('the report', () => api.report()?.report);
  assert.equal(first.summary.findings, 1);

  // Edited without showing the file: the report stays the visible editor, as when someone types beside it.
  const doc = await vscode.workspace.openTextDocument(messageUri());
  const at = doc.lineAt(1).range.end;
  const insert = new vscode.WorkspaceEdit();
  insert.insert(doc.uri, at, '\n  channel: string;');
  assert.ok(await vscode.workspace.applyEdit(insert));
  const next = await eventually('the report with the new finding', () => (api.report()?.report?.summary.findings === 2 ? api.report()?.report : undefined));
  assert.ok(next.contracts.some((c) => c.findings.some((f) => f.path.endsWith('.channel'))));
  const undo = new vscode.WorkspaceEdit();
  undo.delete(doc.uri, new vscode.Range(at, doc.lineAt(2).range.end));
  assert.ok(await vscode.workspace.applyEdit(undo));
  await eventually('the report back to one finding', () => (api.report()?.report?.summary.findings === 1 ? true : undefined));
});
