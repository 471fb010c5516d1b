import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSources, verdictLines } from './compare-sources';

const verdicts = (before: string, after: string): string[] => verdictLines(compareSources(before, after).findings);

describe('union variants are paired by what they carry', () => {
  // Issue 10, item 1.
  it('a constant every variant shares is not a discriminant: one variant added, nothing else', () => {
    const before = 'export interface Resp { v: "2.0"; id: string; result: { ok: boolean } }\n';
    const after =
      'interface Ok { v: "2.0"; id: string; result: { ok: boolean } }\ninterface Err { v: "2.0"; id: string; error: { code: number } }\nexport type Resp = Ok | Err;\n';
    assert.deepEqual(verdicts(before, after), ['union-variant-added Resp new-to-old']);
  });

  it('a real tag still pairs variants by its value', () => {
    const before = 'export type E = { t: "a"; x: number } | { t: "b"; y: string };\n';
    const after = 'export type E = { t: "a"; x: string } | { t: "b"; y: string };\n';
    assert.deepEqual(verdicts(before, after), ['type-changed E[t="a"].x old-to-new,new-to-old']);
  });

  // Issue 10, item 3: blame stays with what changed.
  it('a variant the old reader can read anyway is no finding on the container', () => {
    const before = 'export interface Kind { k: string }\nexport interface Box { v: { kind: Kind } }\n';
    const after = 'export interface Kind { k: string }\nexport interface Box { v: { kind: Kind } | { kind: Kind; extra: string } }\n';
    assert.deepEqual(verdicts(before, after), []);
  });

  it('a nested contract that changed is blamed once, not again on the union that holds it', () => {
    const before = 'export interface Kind { k: string }\nexport interface Box { v: { kind: Kind } }\n';
    const after = 'export interface Kind { k: number }\nexport interface Box { v: { kind: Kind } | { kind: Kind; extra: string } }\n';
    assert.deepEqual(verdicts(before, after), ['type-changed Kind.k old-to-new,new-to-old']);
  });

  it('a variant that kept its shape pairs with itself when a sibling arrives before it', () => {
    const before = 'export interface M { v: { a: number } }\n';
    const after = 'export interface M { v: { b: string } | { a: number } }\n';
    assert.deepEqual(verdicts(before, after), ['union-variant-added M.v new-to-old']);
  });
});

describe('union messages read as the code is written', () => {
  it('name a named union instead of spelling it out, and cut a long one short', () => {
    const variants = Array.from({ length: 12 }, (_, i) => `{ t: "e${i}" }`).join(' | ');
    const before = `type Event = ${variants};\nexport interface Envelope { event: Event }\nexport interface Raw { event: ${variants} }\n`;
    const after = before.replace(/\| \{ t: "e11" \}/g, '| { t: "e11" } | { t: "e12" }');
    const byContract = new Map(compareSources(before, after).findings.map((f) => [f.contract, f.message]));
    assert.match(byContract.get('Envelope') ?? '', /the baseline only accepts `Event`/);
    assert.match(byContract.get('Raw') ?? '', /… 6 more/);
  });
});

// Issue 10, noise: one finding per changed union and direction, listing every variant that changed.
describe('one finding per changed union', () => {
  const findings = (before: string, after: string) => compareSources(before, after).findings;

  it('variants added to one union are one finding that names each by its alias', () => {
    const events = 'interface A { t: "a" }\ninterface B { t: "b" }\ninterface C { t: "c" }\ninterface D { t: "d" }\n';
    const [only, ...rest] = findings(`${events}export type Schema = A | B;\n`, `${events}export type Schema = A | B | C | D;\n`).filter(
      (f) => f.contract === 'Schema',
    );
    assert.deepEqual(rest, []);
    assert.equal(only?.rule, 'union-variant-added');
    assert.deepEqual(only.breaks, ['new-to-old']);
    assert.match(only.message, /^`C` and `D` are new possible values; the baseline only accepts `Schema`\.$/);
  });

  it('variants added and removed are one finding per direction', () => {
    const before = 'export interface M { s: "a" | "b" | "c" | "d" }\n';
    const after = 'export interface M { s: "a" | "e" | "f" }\n';
    assert.deepEqual(verdicts(before, after), ['union-variant-added M.s new-to-old', 'union-variant-removed M.s old-to-new']);
    const removed = findings(before, after).find((f) => f.rule === 'union-variant-removed');
    assert.match(removed?.message ?? '', /^`"b"`, `"c"` and `"d"` are no longer accepted \(now `"a" \| "e" \| "f"`\), but the baseline may still write them\.$/);
  });

  it('a long list of new variants is cut short with how many more', () => {
    const before = 'export interface M { s: "a" }\n';
    const after = `export interface M { s: ${Array.from({ length: 11 }, (_, i) => `"v${i}"`).join(' | ')} | "a" }\n`;
    const [only, ...rest] = findings(before, after);
    assert.deepEqual(rest, []);
    assert.match(only?.message ?? '', /^`"v0"`, `"v1"`, `"v10"`, `"v2"`, `"v3"` and 6 more are new possible values;/);
  });

  it('a contract that is a union is named in the message, even when its type keeps no alias', () => {
    const before = 'export interface Events { a: 1; b: 2 }\nexport type EventName = keyof Events;\n';
    const after = 'export interface Events { a: 1; b: 2; c: 3 }\nexport type EventName = keyof Events;\n';
    const added = findings(before, after).find((f) => f.rule === 'union-variant-added');
    assert.equal(added?.message, '`"c"` is a new possible value; the baseline only accepts `EventName`.');
  });

  it('only variants the other side cannot read are listed', () => {
    const before = 'export interface M { s: "a" | string | { n: number } }\n';
    const after = 'export interface M { s: "b" | string | { n: number } | { m: string } | null }\n';
    const [only, ...rest] = findings(before, after);
    assert.deepEqual(rest, []);
    assert.match(only?.message ?? '', /^`null` and `\{ m: string \}` are new possible values;/);
  });
});
