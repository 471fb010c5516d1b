/**
 * Attacks through the names in a contract: a quoted field name can be any string, and it reaches the PR comment
 * (Markdown), the terminal (text, stderr) and GitHub workflow commands. The Markdown is checked as GitHub would
 * see it, rendered by a real CommonMark renderer (markdown-it, with raw HTML and autolinks on, as on GitHub).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { formatGithub } from '../../server/src/report/github';
import { formatMarkdown } from '../../server/src/report/markdown';
import { code, inline, text } from '../../server/src/report/markdown-escape';
import { buildReport } from '../../server/src/report/report-model';
import { formatText } from '../../server/src/report/text';
import { assertOneLineError, runCli } from '../cli/run-cli';
import { TempRepo, TSCONFIG } from '../cli/temp-repo';
import { lspSession, messageOf, waitFor } from '../lsp/lsp-harness';
import { checkOf } from '../unit/report/sample';

/** Field names an attacker can commit; each tries to escape its code span or its line. */
export const HOSTILE_NAMES = [
  '`](https://evil.example/tick.png)',
  '[click](https://evil.example/link)',
  'cr\r# Injected heading\r![x](https://evil.example/cr.png)',
  'crlf\r\n</details>\r\n# CRLF heading',
  'lf\n### LF heading',
  'ls\u2028## LS heading',
  'ps\u2029<img src=x onerror=alert(1)>',
  '``</details>``',
  '</details><details open>',
  '@team please approve',
  'esc\u001b[31mred\u001b]8;;https://evil.example\u0007',
  'bidi\u202eevil\u2066x\u2069',
  'nul\u0000del\u007f',
  'see https://evil.example/a and www.evil.example',
];

function hostileCheck() {
  const fields = (required: boolean) => HOSTILE_NAMES.map((n) => `  ${JSON.stringify(n)}${required ? '' : '?'}: string;`).join('\n');
  const before = { 'src/m.ts': `/** @wire */\nexport interface M {\n  id: string;\n${fields(false)}\n}\n` };
  const after = { 'src/m.ts': `/** @wire */\nexport interface M {\n  id: string;\n${fields(true)}\n}\n` };
  return checkOf(before, after);
}

function hostileReport() {
  const checked = hostileCheck();
  assert.equal(checked.result.findings.length, HOSTILE_NAMES.length, 'one finding per hostile field');
  return buildReport({ ...checked, workingTree: { head: 'abcdef0123456789abcdef0123456789abcdef01', branch: 'main', uncommitted: 0, repoPrefix: '' } });
}

const renderer = new MarkdownIt({ html: true, linkify: true });
// GitHub autolinks `www.` and scheme URLs, not bare domains such as `x.example`.
renderer.linkify.set({ fuzzyLink: false });

/** Text outside <code>/<pre>: where GitHub looks for mentions. */
const outsideCodeHtml = (html: string): string => html.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');

const decode = (html: string): string =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

const ACTING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('security: Markdown report with hostile field names, rendered by CommonMark', () => {
  const report = hostileReport();
  const md = formatMarkdown(report);
  const html = renderer.render(md);
  const witnesses = report.contracts.flatMap((c) => c.findings).filter((f) => !('none' in f.witness)).length;

  it('injects no image, link, heading or HTML block', () => {
    assert.doesNotMatch(html, /<img/i);
    const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!);
    for (const href of links) assert.match(href, /^https:\/\/github\.com\/skew-dev\/skew\/blob\/main\/docs\/rules\//, `only rule docs are links, got ${href}`);
    const headings = [...html.matchAll(/<h([1-6])>([\s\S]*?)<\/h\1>/g)].map((m) => `h${m[1]} ${decode(m[2]!.replace(/<[^>]+>/g, ''))}`);
    assert.deepEqual(headings, ['h2 Skew compatibility report', 'h3 Summary', `h3 Rollout plan: ${report.plan.headline}`, 'h3 Findings', 'h4 M (message)']);
    assert.equal((html.match(/<details/g) ?? []).length, witnesses, 'only the report’s own <details>');
    assert.equal((html.match(/<\/details>/g) ?? []).length, witnesses, 'only the report’s own </details>');
  });

  it('mentions nobody and passes no control or bidi character through', () => {
    assert.doesNotMatch(decode(outsideCodeHtml(html)), /@team/, 'a mention outside code would notify the team');
    assert.doesNotMatch(md, ACTING);
  });

  it('shows every field name as text', () => {
    const visible = decode(html.replace(/<[^>]+>/g, ''));
    assert.ok(visible.includes('cr\\r# Injected heading\\r![x](https://evil.example/cr.png)'));
    assert.ok(visible.includes('crlf\\r\\n</details>\\r\\n# CRLF heading'));
    assert.ok(visible.includes('ls\\u2028## LS heading'));
    assert.ok(visible.includes('`](https://evil.example/tick.png)'));
    assert.ok(visible.includes('esc\\u001b[31mred'));
    assert.ok(visible.includes('bidi\\u202eevil\\u2066x\\u2069'));
    assert.ok(visible.includes('@team please approve') || visible.includes('@\u200bteam please approve'));
  });

  it('escapes each piece on its own: text, code spans, inline messages', () => {
    for (const name of HOSTILE_NAMES) {
      for (const piece of [text(name), code(name), inline(`Field \`${name}\` was removed`)]) {
        const one = renderer.renderInline(piece);
        assert.doesNotMatch(one, /<img|<a |<\/?details|<h[1-6]/i, `${JSON.stringify(name)} → ${piece}`);
        assert.doesNotMatch(piece, ACTING);
        assert.doesNotMatch(piece, /[\r\n]/);
      }
    }
    assert.equal(code(''), '` `');
    assert.equal(renderer.renderInline(text('www.evil.example https://evil.example a@b.example')).includes('<a'), false);
  });
});

describe('security: text and workflow commands with hostile field names', () => {
  const checked = hostileCheck();

  it('text output: one line per item, no ANSI, no bidi', () => {
    const out = formatText(checked.result, { color: false });
    assert.doesNotMatch(out, ACTING);
    assert.doesNotMatch(out, /\r/);
    assert.ok(out.includes('esc\\u001b[31mred'));
    assert.ok(!out.split('\n').some((l) => /^#+ .*heading/.test(l)), 'no line of its own from a field name');
  });

  it('text output: file paths from the finding are printable too', () => {
    const result = { ...checked.result, findings: checked.result.findings.map((f) => ({ ...f, loc: f.loc && { ...f.loc, file: 'src/evil\n\u001b[2Jx\u202e.ts' } })) };
    const out = formatText({ ...result, baseline: { ...result.baseline, ref: 'v1\u001b[31m\u202e' } });
    assert.doesNotMatch(out, ACTING);
    assert.ok(out.includes('src/evil\\n\\u001b[2Jx\\u202e.ts'));
    assert.ok(out.includes('v1\\u001b[31m\\u202e'));
  });

  it('workflow commands: one command per line, no bidi or escape characters', () => {
    const out = formatGithub(hostileReport());
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, HOSTILE_NAMES.length + 1);
    for (const l of lines) assert.match(l, /^::(error|warning|notice) /);
    assert.doesNotMatch(out, ACTING);
  });
});

describe('security: CLI stderr with a hostile baseline ref', () => {
  it('prints the ref as one printable line', async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/m.ts': '/** @wire */\nexport interface M { id: string }\n' });
    try {
      repo.git('add', '-A');
      repo.commit('initial');
      // skew.json is the repository's own: an attacker picks this ref, and the "not found" error quotes it.
      repo.write({ 'skew.json': JSON.stringify({ baseline: 'v1\n\u001b[2J\u001b]0;owned\u0007\u202etag' }) });
      const run = await runCli(['check'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: `${repo.scratch}/cache` } });
      const line = assertOneLineError(run);
      assert.doesNotMatch(run.stderr, ACTING);
      assert.ok(line.includes('v1 \\u001b[2J\\u001b]0;owned\\u0007\\u202etag'), line);
    } finally {
      repo.dispose();
    }
  });
});

describe('security: hover and diagnostics over LSP with hostile field names', () => {
  const fields = (required: boolean) => HOSTILE_NAMES.map((n) => `  ${JSON.stringify(n)}${required ? '' : '?'}: string;`).join('\n');
  const source = (required: boolean) => `/** @wire */\nexport interface M {\n  id: string;\n${fields(required)}\n}\n`;
  const lsp = lspSession({ 'src/m.ts': source(false) }, { tag: 'v1.0.0' });

  it('hover Markdown shows the names as text: no link, image or heading; diagnostics carry no control characters', async () => {
    const { client, repo } = lsp;
    const uri = await client.open(repo.path('src/m.ts'));
    const version = await client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } }, source(true));
    const published = await waitFor('the findings of the hostile fields', () => {
      const p = client.latest(uri);
      return p && p.version === version && p.diagnostics.length === HOSTILE_NAMES.length ? p : undefined;
    });
    for (const d of published.diagnostics) assert.doesNotMatch(messageOf(d), ACTING);
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 18 },
    });
    assert.ok(hover, 'a hover on the contract name');
    const md = hover.contents.value;
    assert.doesNotMatch(md, ACTING);
    const html = renderer.render(md);
    // The one link is Skew's own, to the baseline document of the contract's full shape.
    const ownLink = /<a href="skew-baseline:[^"]*">Full shape in [^<]*<\/a>/g;
    assert.doesNotMatch(html.replace(ownLink, ''), /<img|<a |<\/?details|<h[1-6]/i, html);
    const visible = decode(html.replace(/<[^>]+>/g, ''));
    assert.ok(visible.includes('M["`](https://evil.example/tick.png)"]'), html);
    assert.ok(visible.includes('M["[click](https://evil.example/link)"]'), html);
  });
});
