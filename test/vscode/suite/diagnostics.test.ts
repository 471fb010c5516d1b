import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../fixture-repo';
import { eventually, test } from './harness';
import { codeOf, expectedDiagnostic, messageUri, openMessageFile, skewDiagnostics } from './skew-workspace';

test('a required field added to a @wire message is reported on that field, as an error, against deployed', async () => {
  const d = await expectedDiagnostic();
  assert.equal(d.range.start.line, EXPECTED.line, `diagnostic on the currency line, got line ${d.range.start.line}`);
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  assert.match(d.message, new RegExp(EXPECTED.direction));
  assert.match(d.message, new RegExp(EXPECTED.contract));
  const related = d.relatedInformation?.[0];
  assert.ok(related, 'related information points at the baseline definition');
  assert.equal(related.location.uri.scheme, 'skew-baseline');
});

test('an unsaved edit that drops the new field clears the diagnostic, and undoing it brings it back', async () => {
  await expectedDiagnostic();
  const editor = await openMessageFile();
  const line = editor.document.lineAt(EXPECTED.line);
  assert.match(line.text, /currency/);
  const removed = await editor.edit((b) => b.delete(line.rangeIncludingLineBreak));
  assert.ok(removed);
  await eventually('the diagnostic to go away', () =>
    skewDiagnostics(messageUri()).some((x) => codeOf(x) === EXPECTED.rule) ? undefined : true,
  );
  await vscode.commands.executeCommand('undo');
  await eventually('the diagnostic to come back', () => skewDiagnostics(messageUri()).find((x) => codeOf(x) === EXPECTED.rule));
  assert.equal(editor.document.getText().includes('currency: string;'), true);
  await vscode.commands.executeCommand('workbench.action.files.revert');
});
