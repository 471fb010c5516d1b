import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { code, formatMarkdown, inline, text } from '../../../server/src/report/markdown';
import { sampleReport, XSS } from './sample';

/** The Markdown with code spans and fenced blocks removed: what GitHub would treat as text or HTML. */
function outsideCode(md: string): string {
  return md.replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2\s*$/gm, '').replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '');
}

describe('markdown report', () => {
  const md = formatMarkdown(sampleReport());

  it('has the baseline, working tree, summary, plan and findings in that order', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    assert.deepEqual(headings, [
      '## Skew compatibility report',
      '### Summary',
      '### Rollout plan: No safe order: these changes need two releases',
      '### Findings',
      '#### `OrderCreated` (message)',
      '#### `UserService` (RPC service)',
      '### Suppressed',
    ]);
    assert.match(md, /\*\*Baseline:\*\* `deployed @ 1234567 \(2024-05-01\)`, picked the tag `deployed`/);
    assert.match(md, /\*\*Working tree:\*\* 2 files with uncommitted changes on main @ abcdef0/);
    assert.match(md, /2 contracts checked, 2 changed; 3 findings in 2 contracts; 1 suppressed\./);
    assert.match(md, /\| both directions \| 1 \| 0 \| 0 \|/);
    assert.match(md, /\*\*Release 1 \(expand\)\*\*\n\n1\. OrderCreated\.total: keep the old field/);
    assert.match(md, /- `UserService\.getUser\(tenant\)` \(rpc-parameter-required-added\): it needs writers and clients upgraded first/);
    assert.match(md, /\[union-variant-added\]\(https:\/\/github\.com\/skew-dev\/skew\/blob\/main\/docs\/rules\/union-variant-added\.md\)/);
    assert.match(md, /At source `src\/messages\.ts:5:3`, baseline `src\/messages\.ts:5:3`\./);
    assert.match(md, /- `OrderCreated\.currency` \[field-required-added\]\([^)]*\): every producer sends it since v1\.3 \(skew-ignore comment\)/);
  });

  it('shows each witness as a JSON block with its explanation', () => {
    assert.match(md, /<details><summary>Witness<\/summary>\n\n  This version writes this OrderCreated; a baseline reader cannot read it/);
    assert.match(md, /  ```json\n  \{\n    "id": "x",\n    "total": 0,\n    "currency": "x",\n    "kind": "<script>alert\(1\)<\/script>"\n  \}\n  ```/);
  });

  it('never lets markup from the code out of a code span or block', () => {
    assert.ok(md.includes(XSS), 'the literal is shown, inside code');
    const rest = outsideCode(md);
    assert.doesNotMatch(rest, /<script/i);
    const tags = [...rest.matchAll(/<\/?([a-z]+)/gi)].map((m) => m[1]!.toLowerCase());
    assert.deepEqual([...new Set(tags)].sort(), ['details', 'summary']);
  });

  it('escapes text and picks code fences longer than the content’s backticks', () => {
    assert.equal(text('a <b> & *c* | [d](e) _f_'), 'a &lt;b&gt; &amp; \\*c\\* \\| \\[d\\](e) \\_f\\_');
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('`x'), '`` `x ``');
    assert.equal(inline('Field `<x>` is <y>'), 'Field `<x>` is &lt;y&gt;');
  });
});
