import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, fixesFor } from '../../../server/src/fixes';
import { applyFixEdits, checkFix, fixturePair, loadPair, type Files, type Pair } from './fix-harness';

const finding = (pair: Pair, rule: string, path: string) => {
  const f = pair.comparison.findings.find((x) => x.rule === rule && x.path === path);
  assert.ok(f, `no ${rule} at ${path}; have ${pair.comparison.findings.map((x) => `${x.rule} ${x.path}`).join(', ')}`);
  return f;
};

const pair = (oldFiles: Files, newFiles: Files) => loadPair('case', oldFiles, newFiles);

describe('widening a changed type', () => {
  test('a field the baseline writes as any array is widened to accept both spellings', () => {
    const p = pair(
      { 'm.ts': '/** @wire */\nexport interface M {\n  tags: string[];\n}\n' },
      { 'm.ts': '/** @wire */\nexport interface M {\n  tags: [string];\n}\n' },
    );
    const f = finding(p, 'type-changed', 'M.tags');
    assert.deepEqual(f.breaks, ['old-to-new']);
    const [fix] = fixesFor(f, p.input).fixes.filter((x) => x.safe);
    assert.ok(fix, 'a compatible-change fix');
    assert.equal(fix.title, 'Widen `tags` to `[string] | string[]` so this version still reads what v1.4.0 senders send');
    assert.deepEqual(checkFix(p, f, fix), []);
  });

  test('a result the baseline server returns is widened when only this version reads it', () => {
    const p = pair(
      { 'svc.ts': '/** @rpc */\nexport interface Svc {\n  get(): Promise<unknown>;\n}\n' },
      { 'svc.ts': '/** @rpc */\nexport interface Svc {\n  get(): Promise<string>;\n}\n' },
    );
    const f = finding(p, 'type-changed', 'Svc.get(result)');
    assert.deepEqual(f.breaks, ['new-to-old']);
    const [fix] = fixesFor(f, p.input).fixes.filter((x) => x.safe);
    assert.ok(fix, 'a compatible-change fix');
    assert.equal(fix.title, 'Widen `get(result)` to `unknown` so this version still reads what v1.4.0 servers send');
    assert.deepEqual(checkFix(p, f, fix), []);
  });

  test('a result this version returns wider than before cannot be fixed by widening, and says so', () => {
    const p = pair(
      { 'svc.ts': '/** @rpc */\nexport interface Svc {\n  get(): Promise<string>;\n}\n' },
      { 'svc.ts': '/** @rpc */\nexport interface Svc {\n  get(): Promise<unknown>;\n}\n' },
    );
    const f = finding(p, 'type-changed', 'Svc.get(result)');
    const out = fixesFor(f, p.input);
    assert.deepEqual(out.fixes.filter((x) => x.safe), []);
    assert.equal(out.unavailable[0]?.title, 'Widen the type of `get(result)`');
    assert.match(out.unavailable[0]?.reason, /^No widening helps: the break is in what this version writes, which v1\.4\.0 clients cannot read/);
  });

  test('a field turned into a function type (not wire-safe) gets no safe widening', () => {
    const p = pair(
      { 'm.ts': '/** @wire */\nexport interface M {\n  v: string;\n}\n' },
      { 'm.ts': '/** @wire */\nexport interface M {\n  v: () => void;\n}\n' },
    );
    const f = finding(p, 'not-wire-safe', 'M.v');
    assert.equal(fixesFor(f, p.input).fixes.filter((x) => x.safe).length, 0, 'not-wire-safe has no widening');
  });

  test('a baseline type this file does not import is not written, with the reason', () => {
    const p = pair(
      { 'm.ts': "import type { Old } from './old';\n\n/** @wire */\nexport interface M {\n  v: Old;\n}\n", 'old.ts': 'export interface Old {\n  a: string;\n}\n' },
      { 'm.ts': '/** @wire */\nexport interface M {\n  v: { a: string; b: string };\n}\n', 'old.ts': 'export interface Old {\n  a: string;\n}\n' },
    );
    const f = p.comparison.findings.find((x) => x.path.startsWith('M.v'));
    assert.ok(f, JSON.stringify(p.comparison.findings.map((x) => x.path)));
    const out = fixesFor(f, p.input);
    for (const fix of out.fixes) assert.deepEqual(checkFix(p, f, fix), [], fix.title);
  });
});

describe('pinning enum values', () => {
  const OLD = 'export enum P {\n  Low,\n  Gone,\n  High,\n}\n\n/** @wire */\nexport interface T {\n  p: P;\n}\n';
  const NEW = 'export enum P {\n  Low,\n  Medium,\n  Urgent,\n  High,\n}\n\n/** @wire */\nexport interface T {\n  p: P;\n}\n';

  test('new members get values no baseline member used, not even a removed one', () => {
    const p = pair({ 'e.ts': OLD }, { 'e.ts': NEW });
    const f = finding(p, 'enum-value-changed', 'T.p.High');
    const [fix] = fixesFor(f, p.input).fixes.filter((x) => x.safe);
    assert.ok(fix, 'a compatible-change fix');
    assert.equal(applyFixEdits(p.new, fix.edits)['e.ts']?.split('\n\n')[0], 'export enum P {\n  Low = 0,\n  Medium = 3,\n  Urgent = 4,\n  High = 2,\n}');
    assert.deepEqual(checkFix(p, f, fix), []);
  });

  test('two renumbered members of one enum share one fix in fix-all', () => {
    const p = pair({ 'e.ts': 'export enum P {\n  A,\n  B,\n  C,\n}\n\n/** @wire */\nexport interface T {\n  p: P;\n}\n' }, { 'e.ts': 'export enum P {\n  X,\n  A,\n  B,\n  C,\n}\n\n/** @wire */\nexport interface T {\n  p: P;\n}\n' });
    const renumbered = p.comparison.findings.filter((f) => f.rule === 'enum-value-changed');
    assert.equal(renumbered.length, 3);
    const all = fixAll(renumbered, p.input);
    assert.equal(all.applied.length, 3);
    assert.equal(all.skipped.length, 0);
    assert.equal(applyFixEdits(p.new, all.edits)['e.ts']?.split('\n\n')[0], 'export enum P {\n  X = 3,\n  A = 0,\n  B = 1,\n  C = 2,\n}');
  });

  test('a computed baseline value is not guessed', () => {
    const p = pair(
      { 'e.ts': 'const base = 4;\nexport enum P {\n  A = base,\n  B = 7,\n}\n\n/** @wire */\nexport interface T {\n  p: P;\n}\n' },
      { 'e.ts': 'const base = 4;\nexport enum P {\n  A = base,\n  B = 8,\n}\n\n/** @wire */\nexport interface T {\n  p: P;\n}\n' },
    );
    const f = finding(p, 'enum-value-changed', 'T.p.B');
    const [fix] = fixesFor(f, p.input).fixes.filter((x) => x.safe);
    assert.ok(fix, 'a compatible-change fix');
    assert.equal(fix.title, 'Change `B` back to `7` so v1.4.0 nodes read it as the same member');
    assert.deepEqual(checkFix(p, f, fix), []);
  });
});

describe('fix-all', () => {
  const OLD = '/** @wire */\nexport interface O {\n  id: string;\n  a: string;\n  b: string;\n}\n';
  const NEW = '/** @wire */\nexport interface O {\n  id: string;\n  c: string;\n}\n';

  test('restorations that insert at the same place are applied one per run; further runs converge to no finding', () => {
    let files: Files = { 'o.ts': NEW };
    const first = fixAll(loadPair('case', { 'o.ts': OLD }, files).comparison.findings, loadPair('case', { 'o.ts': OLD }, files).input);
    assert.ok(first.skipped.some((s) => s.reason.includes('overlaps')), JSON.stringify(first.skipped.map((s) => s.reason)));
    // What `skew check --fix` does: fix, check again, until nothing is left to fix.
    for (let round = 0; round < 5; round++) {
      const p = loadPair('case', { 'o.ts': OLD }, files);
      const all = fixAll(p.comparison.findings, p.input);
      if (all.applied.length === 0) break;
      for (const { finding, fix } of all.applied) assert.deepEqual(checkFix(p, finding, fix), [], fix.title);
      files = applyFixEdits(files, all.edits);
    }
    assert.deepEqual(loadPair('case', { 'o.ts': OLD }, files).comparison.findings.map((f) => `${f.rule} ${f.path}`), []);
  });

  test('never applies a suppression, and keeps to one file when asked', () => {
    const p = pair(
      { 'e.ts': "export enum C {\n  A = 'a',\n  B = 'b',\n}\n", 'm.ts': "import type { C } from './e';\n\n/** @wire */\nexport interface M {\n  c: C;\n  n: number;\n}\n" },
      { 'e.ts': "export enum C {\n  A = 'a',\n}\n", 'm.ts': "import type { C } from './e';\n\n/** @wire */\nexport interface M {\n  c: C;\n  n: string;\n}\n" },
    );
    const all = fixAll(p.comparison.findings, p.input);
    assert.ok(all.applied.every(({ fix }) => fix.safe && !fix.snippet));
    assert.ok(!all.edits.some((e) => e.newText.includes('skew-ignore')));
    const here = fixAll(p.comparison.findings, p.input, { onlyFile: 'm.ts' });
    assert.deepEqual(here.edits.filter((e) => e.file !== 'm.ts'), []);
    assert.ok(here.skipped.some((s) => s.reason === 'it also edits e.ts'));
  });
});

describe('suppressing with a reason', () => {
  test('a reason-less skew-ignore for the same rule gets its reason instead of a second comment', () => {
    const p = pair(
      { 'o.ts': '/** @wire */\nexport interface O {\n  id: string;\n}\n' },
      { 'o.ts': '/** @wire */\nexport interface O {\n  id: string;\n  // skew-ignore field-required-added:\n  x: string;\n}\n' },
    );
    const f = finding(p, 'field-required-added', 'O.x');
    const fix = fixesFor(f, p.input).fixes.find((x) => x.snippet)!;
    assert.equal(fix.title, 'Add a reason to `skew-ignore field-required-added`');
    assert.deepEqual(checkFix(p, f, fix), []);
    assert.match(applyFixEdits(p.new, fix.edits, true)['o.ts'] ?? '', /\n {2}\/\/ skew-ignore field-required-added: only the new checkout service sends this\n {2}x: string;/);
  });

  test('CRLF files get CRLF lines, and a parameter is suppressed on its method', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const p = pair(
      { 's.ts': crlf('/** @rpc */\nexport interface S {\n  get(id: string): Promise<void>;\n}\n') },
      { 's.ts': crlf('/** @rpc */\nexport interface S {\n  get(id: string, tenant: string): Promise<void>;\n}\n') },
    );
    const f = finding(p, 'rpc-parameter-required-added', 'S.get(tenant)');
    for (const fix of fixesFor(f, p.input).fixes) assert.deepEqual(checkFix(p, f, fix), [], fix.title);
    const suppress = fixesFor(f, p.input).fixes.find((x) => x.snippet)!;
    assert.equal(suppress.edits[0]?.newText, '  // skew-ignore rpc-parameter-required-added: $0\r\n');
  });
});

describe('parameters', () => {
  test('a required parameter followed by another required one cannot become optional in place', () => {
    const p = pair(
      { 's.ts': '/** @rpc */\nexport interface S {\n  get(id: string): Promise<void>;\n}\n' },
      { 's.ts': '/** @rpc */\nexport interface S {\n  get(tenant: string, id: string): Promise<void>;\n}\n' },
    );
    for (const f of p.comparison.findings) {
      const out = fixesFor(f, p.input);
      for (const fix of out.fixes) assert.deepEqual(checkFix(p, f, fix), [], fix.title);
    }
  });
});

describe('restoring removed union variants', () => {
  // Issue 10: one finding per changed union, so its one fix brings every removed variant back.
  for (const [path, title] of [
    ['Notification', "Restore `{ channel: 'fax'; number: string }` and `{ channel: 'pager'; pager: string }` so what v1.4.0 senders still send is accepted"],
    ['OrderStatusChanged.status', "Restore `'refunded'` and `'cancelled'` so what v1.4.0 senders still send is accepted"],
  ] as const) {
    test(`${path}: one fix restores every removed variant and clears the finding`, () => {
      const p = fixturePair('union-variant-removed');
      const f = finding(p, 'union-variant-removed', path);
      const safe = fixesFor(f, p.input).fixes.filter((x) => x.safe);
      assert.deepEqual(safe.map((x) => x.title), [title]);
      assert.deepEqual(checkFix(p, f, safe[0]!), []);
    });
  }
});

describe('restoring a removed overload', () => {
  test('in a class it goes back among the overloads, before the implementation', () => {
    const cls = (overloads: string) =>
      `/** @rpc */\nexport class Users {\n${overloads}  find(x: string | string[]): Promise<string | string[]> {\n    return Promise.resolve(x);\n  }\n}\n`;
    const p = pair(
      { 'svc.ts': cls('  find(id: string): Promise<string>;\n  find(ids: string[]): Promise<string[]>;\n') },
      { 'svc.ts': cls('  find(id: string): Promise<string>;\n') },
    );
    const f = finding(p, 'rpc-method-removed', 'Users.find(#2)');
    const [fix] = fixesFor(f, p.input).fixes.filter((x) => x.safe);
    assert.ok(fix, 'a compatible-change fix');
    assert.deepEqual(checkFix(p, f, fix), []);
    assert.match(applyFixEdits(p.new, fix.edits)['svc.ts'] ?? '', /find\(id: string\): Promise<string>;\n {2}\/\*\* @deprecated still called by v1\.4\.0 clients \*\/\n {2}find\(ids: string\[\]\): Promise<string\[\]>;\n {2}find\(x: string \| string\[\]\)/);
  });
});
