import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MESSAGE_FILE } from '../fixture-repo';
import { test } from './harness';
import { expectedDiagnostic, gitShow } from './skew-workspace';

test('the skew-baseline: document of a related location holds the file text at the deployed tag', async () => {
  const d = await expectedDiagnostic();
  const [related] = d.relatedInformation ?? [];
  assert.ok(related, 'the diagnostic has a related location');
  const uri = related.location.uri;
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.equal(doc.getText(), await gitShow('deployed', MESSAGE_FILE));
  assert.ok(!doc.getText().includes('currency'), 'the baseline predates the working-tree edit');
  const range = related.location.range;
  assert.match(doc.getText(range) || doc.lineAt(range.start.line).text, /OrderCreated/);
});
