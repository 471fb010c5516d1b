import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSources } from './compare-sources';

const compare = compareSources;

// Issue 10, item 4: each use of a named type is its own path.
describe('a named type used twice in one contract', () => {
  it('is reported at each use', () => {
    const { findings } = compare('type P = { x: number };\nexport interface Caps { a: P; b: P }\n', 'type P = { x: string };\nexport interface Caps { a: P; b: P }\n');
    assert.deepEqual(
      findings.map((f) => f.path),
      ['Caps.a.x', 'Caps.b.x'],
    );
  });

  it('a skew-ignore on the first use does not hide the break at the second', () => {
    const after = 'type P = { x: string };\nexport interface Caps {\n  // skew-ignore type-changed: a is only logged\n  a: P;\n  b: P;\n}\n';
    const { findings, suppressed } = compare('type P = { x: number };\nexport interface Caps { a: P; b: P }\n', after);
    assert.deepEqual(suppressed.map((f) => f.path), ['Caps.a.x']);
    assert.deepEqual(findings.map((f) => f.path), ['Caps.b.x']);
  });

  it('recursion still ends', () => {
    const before = 'type Tree = { v: number; kids: Tree[] };\nexport interface Forest { a: Tree; b: Tree }\n';
    const after = 'type Tree = { v: string; kids: Tree[] };\nexport interface Forest { a: Tree; b: Tree }\n';
    assert.deepEqual(compare(before, after).findings.map((f) => f.path), ['Forest.a.v', 'Forest.b.v']);
  });
});
