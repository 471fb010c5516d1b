import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BaselineContentRequest } from '../../server/src/shared/protocol';
import { AFTER_NOTE, LspClient, messageOf, ORDER_V1, lspRepo, type TempRepo, waitFor } from './lsp-harness';

const CURRENCY = '\n  currency: string;';
const at = (p: { line: number; character: number }) => ({ start: p, end: p });

describe('language server: push diagnostics over stdio', () => {
  let repo: TempRepo;
  let client: LspClient;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));

  before(async () => {
    repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.git('tag', 'v1.4.0');
    client = await LspClient.start({ folders: [repo.dir], cacheDir });
    await waitFor('first status', () => client.statuses.find((s) => s.state === 'ok'));
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reports a required field added in an unsaved buffer, then clears it when the edit is reverted', async () => {
    const uri = await client.open(repo.path('src/messages.ts'));
    const version = await client.edit(uri, at(AFTER_NOTE), CURRENCY);

    const published = await waitFor('a diagnostic for the added field', () => {
      const p = client.latest(uri);
      return p && p.diagnostics.length > 0 ? p : undefined;
    });
    assert.equal(published.version, version);
    assert.equal(published.diagnostics.length, 1);
    const d = published.diagnostics[0]!;
    assert.equal(d.source, 'skew');
    assert.equal(d.code, 'field-required-added');
    assert.equal(d.severity, 1);
    assert.equal(d.codeDescription?.href, 'https://github.com/skew-dev/skew/blob/main/docs/rules/field-required-added.md');
    assert.deepEqual(d.range.start, { line: 5, character: 2 });
    assert.equal(messageOf(d), "This version can't read OrderCreated from v1.4.0 nodes: new required `currency`. Upgrade senders first. [old-to-new]");
    assert.ok(
      d.relatedInformation?.some((r) => r.message === 'old-to-new: OrderCreated sent by a v1.4.0 node cannot be read by this version.'),
      'the direction in words is in the related information',
    );
    assert.deepEqual(d.data, { rule: 'field-required-added', contract: 'OrderCreated', path: 'OrderCreated.currency', breaks: ['old-to-new'] });

    const related = d.relatedInformation?.[0];
    assert.ok(related, 'related information points at the baseline');
    // The path ends with the baseline's name, so the editor's tab reads "messages.ts (v1.4.0, newest tag)".
    assert.match(related.location.uri, /^skew-baseline:\/src\/messages\.ts%20\(v1\.4\.0%2C%20newest%20tag\)\?commit=[0-9a-f]{40}&root=.*&label=/);
    assert.equal(related.location.range.start.line, 1);
    const content = await client.connection.sendRequest(BaselineContentRequest.type, { uri: related.location.uri });
    assert.equal(content.text, ORDER_V1);

    const status = await waitFor('a status with one breaking change', () => client.statuses.find((s) => s.breaking === 1));
    assert.equal(status.baseline, 'v1.4.0 (newest tag; no deployed tag)');
    assert.equal(status.state, 'ok');

    const end = { line: AFTER_NOTE.line + 1, character: CURRENCY.length - 1 };
    const reverted = await client.edit(uri, { start: AFTER_NOTE, end }, '');
    const cleared = await waitFor('the diagnostic to disappear', () => {
      const p = client.latest(uri);
      return p && p.version === reverted && p.diagnostics.length === 0 ? p : undefined;
    });
    assert.equal(cleared.diagnostics.length, 0);
    await waitFor('a compatible status', () => client.statuses.at(-1)?.breaking === 0);
  });

  it('shows what changed on hover and a status code lens above the contract', async () => {
    const uri = await client.setText(repo.path('src/messages.ts'), ORDER_V1);
    const version = await client.edit(uri, at(AFTER_NOTE), CURRENCY);
    await waitFor('the finding again', () => client.latest(uri)?.version === version && client.latest(uri)!.diagnostics.length === 1);

    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 20 },
    });
    assert.ok(hover, 'hover over OrderCreated');
    assert.match(hover.contents.value, /1 breaking change/);
    assert.match(hover.contents.value, /```diff\n\+   currency: string;\n```/, 'only the change, old → new');
    assert.doesNotMatch(hover.contents.value, /amount: number/, 'not the whole baseline shape');
    assert.match(hover.contents.value, /\[Full shape in v1\.4\.0 \(newest tag; no deployed tag\)\]\(skew-baseline:\/src\/messages\.ts%20%28v1\.4\.0%2C%20newest%20tag%29\?commit=[0-9a-f]{40}&root=[^)]*#L2\)/);

    const lenses = await client.connection.sendRequest<
      {
        range: { start: { line: number } };
        command: { title: string };
      }[]
    >('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command.title]),
      [[1, '1 breaking change']],
    );

    const nothing = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 4 } });
    assert.equal(nothing, null, 'no hover away from a contract name');
  });

  it('after a burst of 200 edits, publishes few versions, never an older one after a newer, and the last one', async () => {
    // Start from one finding, so resetting to the baseline text (no findings) is published.
    const { uri } = await client.show(repo.path('src/messages.ts'), ORDER_V1.replace('  note?: string;\n', `  note?: string;${CURRENCY}\n`));
    const current = client.latest(uri)!;
    const reset = await client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } }, ORDER_V1);
    await waitFor('the reset to be checked', () => client.latest(uri)?.version === reset && client.latest(uri)!.diagnostics.length === 0);
    assert.ok(current.version! < reset);

    const xs = 'x'.repeat(200 - CURRENCY.length);
    const typed = `\n  currency${xs}: string;`;
    assert.equal(typed.length, 200);
    const mark = client.published.length;
    let pos = { ...AFTER_NOTE };
    // Sent back to back, not one await at a time: a pause in this process between two keystrokes would let the
    // server check (and rightly publish) a version that was the newest when it finished.
    const sent: Promise<number>[] = [];
    for (const ch of typed) {
      sent.push(client.edit(uri, at(pos), ch));
      pos = ch === '\n' ? { line: pos.line + 1, character: 0 } : { line: pos.line, character: pos.character + 1 };
    }
    const last = Math.max(...(await Promise.all(sent)));
    const final = await waitFor('diagnostics for the last version', () => {
      const p = client.latest(uri);
      return p && p.version === last && p.diagnostics.length === 1 ? p : undefined;
    });
    assert.ok(messageOf(final.diagnostics[0]!).includes(`\`currency${xs}\``), 'the finding names the field as finally typed');
    const versions = client.published
      .slice(mark)
      .filter((p) => p.uri === uri)
      .map((p) => p.version!);
    // A version the server finished while it was the newest it had received is rightly published (a pause in this
    // process can let that happen mid-burst); what must never happen is a publish older than one already made, or
    // one per keystroke.
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'publishes never go back to an older version');
    assert.equal(versions[versions.length - 1], last);
    assert.ok(versions.length <= typed.length / 4, `${versions.length} publishes for ${typed.length} edits: stale checks are not dropped`);
    assert.ok(client.alive);
  });
});
