import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../../server/src/rules';
import { FIXTURES, fixtureNames, readExpected } from './fixture-loader';

const ROOT = path.resolve(__dirname, '../../..');
const RULES_SRC = path.join(ROOT, 'server/src/rules');
const DOCS = path.join(ROOT, 'docs/rules');
const SECTIONS = ['## What', '## Why it breaks', '## Example', '## How to fix', '## Related rules'];
const ids: string[] = rules.map((r) => r.meta.id);

test('rule ids are unique kebab-case', () => {
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
});

test('every rule file is registered and exports the rule of the same id', async () => {
  const files = fs.readdirSync(RULES_SRC).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
  assert.deepEqual([...files].sort(), [...ids].sort());
  for (const file of files) {
    const mod = (await import(path.join(RULES_SRC, `${file}.ts`))) as { default: { meta: { id: string } } };
    assert.equal(mod.default.meta.id, file, `${file}.ts exports rule ${mod.default.meta.id}`);
  }
});

for (const id of ids) {
  test(`${id} has a doc page with the five sections in order`, () => {
    const file = path.join(DOCS, `${id}.md`);
    assert.ok(fs.existsSync(file), `missing docs/rules/${id}.md`);
    const headings = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings.map((h) => h.trim()), SECTIONS);
  });

  test(`${id} has a fixture with old/, new/ and expected.json`, () => {
    for (const part of ['old', 'new']) {
      const dir = path.join(FIXTURES, id, part);
      assert.ok(fs.existsSync(dir) && fs.readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.ts')), `no .ts files in ${id}/${part}`);
    }
    assert.ok(Array.isArray(readExpected(id)));
  });
}

test('every fixture folder and doc page belongs to a registered rule', () => {
  assert.deepEqual(fixtureNames().filter((name) => !ids.includes(name)), []);
  const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
  assert.deepEqual(pages.filter((page) => !ids.includes(page)), []);
});

test('the rules index lists every rule', () => {
  const index = fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8');
  for (const id of ids) assert.ok(index.includes(`(${id}.md)`), `docs/rules/README.md does not link ${id}.md`);
});

test('every rule is expected somewhere, and every expected finding names a registered rule', () => {
  const seen = new Set(fixtureNames().flatMap((name) => readExpected(name).map((f) => f.rule)));
  assert.deepEqual(ids.filter((id) => !seen.has(id)), []);
  assert.deepEqual([...seen].filter((id) => !ids.includes(id)), []);
});

test("each fixture's expected.json includes its own rule", () => {
  for (const name of fixtureNames()) {
    assert.ok(readExpected(name).some((f) => f.rule === name), `${name}/expected.json never reports ${name}`);
  }
});

/** The findings block ends a page's Example section: `rule  contract  path  breaks dir[, dir]  (order)`. */
function documentedFindings(page: string): { rule: string; contract: string; path: string; breaks: string[] }[] {
  const example = page.slice(page.indexOf('## Example'), page.indexOf('## How to fix'));
  const blocks = [...example.matchAll(/```[a-z]*\n([\s\S]*?)\n```/g)];
  const last = blocks.at(-1)?.[1] ?? '';
  return last
    .trim()
    .split('\n')
    .map((line) => {
      const [rule = '', contract = '', path = '', word, ...rest] = line.trim().split(/\s+/);
      assert.equal(word, 'breaks', `unexpected findings line: ${line}`);
      const breaks = rest.filter((w) => /^(old-to-new|new-to-old),?$/.test(w)).map((w) => w.replace(',', ''));
      return { rule, contract, path, breaks };
    });
}

for (const id of ids) {
  test(`${id}'s documented findings are ones its fixture produces`, () => {
    const shown = documentedFindings(fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8'));
    assert.ok(shown.length > 0, 'the Example section shows no finding');
    const expected = readExpected(id);
    for (const finding of shown) assert.ok(expected.some((e) => JSON.stringify(e) === JSON.stringify(finding)), `${JSON.stringify(finding)} is not in ${id}/expected.json`);
  });
}
