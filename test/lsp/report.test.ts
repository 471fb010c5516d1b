import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReportHtml } from '../../client/src/report/render-html';
import { ReportRequest } from '../../server/src/shared/protocol';
import { fileUri, LspClient, ORDER_V1, lspRepo, waitFor, suiteScratch } from './lsp-harness';

const XSS = '<script>alert(1)</script>';

describe('language server: skew/report', () => {
  const { cacheDir, cleanup } = suiteScratch();

  it('reports the folder’s check, unsaved edits included, with baseline, git state, witnesses, plan and Markdown', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1.replace('  note?: string;', '  note?: string;\n  kind: "a" | "b";') });
    repo.git('tag', 'deployed');
    const commit = repo.git('rev-parse', 'HEAD').trim();
    repo.writeFile('README.md', 'uncommitted\n');
    const client = await LspClient.start({ folders: [repo.dir], cacheDir });
    cleanup.push(() => client.stop(), () => repo.dispose());

    const uri = await client.open(repo.path('src/messages.ts'));
    await waitFor('the first check', () => client.statuses.find((s) => s.state === 'ok'));
    // Unsaved: a required field and a new literal that carries markup.
    const kindLine = { line: 5, character: 0 };
    await client.edit(uri, { start: kindLine, end: { line: 5, character: 18 } }, `  kind: "a" | "b" | "${XSS}";\n  currency: string;`);

    const answer = await client.connection.sendRequest(ReportRequest.type, { uri });
    assert.equal(answer.message, undefined);
    const report = answer.report!;
    assert.deepEqual({ ref: report.baseline.ref, commit: report.baseline.commit }, { ref: 'deployed', commit });
    assert.match(report.baseline.date, /^\d{4}-\d\d-\d\dT/);
    assert.equal(report.workingTree.uncommitted, 1, 'README.md');
    assert.equal(report.workingTree.unsaved, 1, 'the edited buffer');
    assert.equal(report.workingTree.head, commit);

    const findings = report.contracts.flatMap((c) => c.findings);
    assert.deepEqual(findings.map((f) => [f.rule, f.path]).sort(), [
      ['field-required-added', 'OrderCreated.currency'],
      ['union-variant-added', 'OrderCreated.kind'],
    ]);
    const kind = findings.find((f) => f.rule === 'union-variant-added')!;
    assert.ok(!('none' in kind.witness), 'a witness');
    assert.equal(kind.witness.writer, 'this version');
    assert.equal((JSON.parse(kind.witness.json) as { kind: string }).kind, XSS);
    assert.deepEqual(kind.loc?.range.start, { line: 5, character: 2 });
    assert.equal(report.plan.verdict, 'two-releases');
    assert.deepEqual(report.summary.byDirection['new-to-old'], { error: 1, warning: 0, info: 0 });
    assert.match(answer.markdown!, /^## Skew compatibility report\n/);
    assert.match(answer.markdown!, /1 file with uncommitted changes on .*, and 1 unsaved editor file \(included in the check\)/);

    // What the client does with it: the page shows the literal as text only.
    const html = renderReportHtml(report, { nonce: 'abc123', cspSource: 'vscode-resource:' });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('answers with a message, not an error, when the folder has no baseline', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    const client = await LspClient.start({ folders: [repo.dir], cacheDir });
    cleanup.push(() => client.stop(), () => repo.dispose());
    await waitFor('an error status', () => client.statuses.find((s) => s.state === 'error'));
    const answer = await client.connection.sendRequest(ReportRequest.type, { uri: fileUri(repo.dir) });
    assert.equal(answer.report, undefined);
    assert.match(answer.message!, /Skew has no result for .* yet/);
    assert.ok(client.alive);
  });
});
