import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesFor } from '../../../server/src/fixes';
import { checkFix, loadPair } from './fix-harness';

/** A strict reader in this version that no longer declares a key the baseline sends, in each library's spelling. */
const cases: [string, string, string, string][] = [
  ['zod 4 strictObject', "import { z } from 'zod';", 'z.object({ id: z.string(), note: z.string().optional() })', 'z.strictObject({ id: z.string() })'],
  ['zod 4 .strict()', "import { z } from 'zod';", 'z.object({ id: z.string(), note: z.string().optional() })', 'z\n  .object({ id: z.string() })\n  .strict()'],
  ['zod 3 .strict()', "import { z } from 'zod3';", 'z.object({ id: z.string(), note: z.string().optional() })', 'z.object({ id: z.string() }).strict()'],
  ['zod 3 strictObject', "import { z } from 'zod3';", 'z.object({ id: z.string(), note: z.string().optional() })', 'z.strictObject({ id: z.string() })'],
  ['valibot strictObject', "import * as v from 'valibot';", 'v.object({ id: v.string(), note: v.optional(v.string()) })', 'v.strictObject({ id: v.string() })'],
];

const file = (imports: string, schema: string) => ({ 'messages.ts': `${imports}\n\n/** @wire */\nexport const Order = ${schema};\n` });

for (const [name, imports, before, after] of cases) {
  test(`make the reader tolerant: ${name}`, () => {
    const pair = loadPair(name, file(imports, before), file(imports, after));
    const [finding, ...more] = pair.comparison.findings;
    assert.deepEqual([finding?.rule, finding?.path, more.length], ['strict-reader-undeclared-field', 'Order.note', 0]);
    const safe = fixesFor(finding!, pair.input).fixes.filter((f) => f.safe);
    assert.equal(safe.length, 1, JSON.stringify(fixesFor(finding!, pair.input)));
    assert.deepEqual(checkFix(pair, finding!, safe[0]!), []);
  });
}

test('a strict deployed reader cannot be made tolerant from here: the fix says why', () => {
  const imports = "import { z } from 'zod';";
  const pair = loadPair('n2o', file(imports, 'z.strictObject({ id: z.string() })'), file(imports, 'z.strictObject({ id: z.string(), coupon: z.string().optional() })'));
  const [finding] = pair.comparison.findings;
  assert.equal(finding?.breaks.join(), 'new-to-old');
  const { fixes, unavailable } = fixesFor(finding, pair.input);
  assert.deepEqual(fixes.filter((f) => f.safe), []);
  assert.match(unavailable[0]?.reason ?? '', /strict reader is v1\.4\.0's/);
});

/** Changes other rules report on schemas: every fix they offer there must keep the guarantees (or not be offered). */
const changes: [string, string, string][] = [
  ['required field added', 'z.object({ id: z.string() })', 'z.object({ id: z.string(), total: z.number() })'],
  ['required field removed', 'z.object({ id: z.string(), total: z.number() })', 'z.object({ id: z.string() })'],
  ['field made required', 'z.object({ id: z.string(), note: z.string().optional() })', 'z.object({ id: z.string(), note: z.string() })'],
  ['type changed', 'z.object({ id: z.string() })', 'z.object({ id: z.number() })'],
  ['enum widened', "z.object({ s: z.enum(['a', 'b']) })", "z.object({ s: z.enum(['a', 'b', 'c']) })"],
  ['field renamed', 'z.object({ id: z.string() })', 'z.object({ key: z.string() })'],
];

for (const [name, before, after] of changes) {
  test(`fixes offered on a zod schema keep the guarantees: ${name}`, () => {
    const imports = "import { z } from 'zod';";
    const pair = loadPair(name, file(imports, before), file(imports, after));
    assert.ok(pair.comparison.findings.length > 0);
    for (const finding of pair.comparison.findings) {
      for (const fix of fixesFor(finding, pair.input).fixes) assert.deepEqual(checkFix(pair, finding, fix), [], `${finding.rule} ${finding.path}: ${fix.title}`);
    }
  });
}

const optionalCases: [string, string, string, string][] = [
  ['zod 4', "import { z } from 'zod';", 'z.object({ id: z.string() })', 'z.object({ id: z.string(), total: z.number().int() })'],
  ['zod 3', "import { z } from 'zod3';", 'z.object({ id: z.string() })', 'z.object({ id: z.string(), total: z.number() })'],
  ['valibot', "import * as v from 'valibot';", 'v.object({ id: v.string() })', 'v.object({ id: v.string(), total: v.pipe(v.number(), v.integer()) })'],
];

for (const [name, imports, before, after] of optionalCases) {
  test(`a required schema field added is made optional the library's way: ${name}`, () => {
    const pair = loadPair(name, file(imports, before), file(imports, after));
    const [finding] = pair.comparison.findings;
    assert.deepEqual([finding?.rule, finding?.path], ['field-required-added', 'Order.total']);
    const safe = fixesFor(finding!, pair.input).fixes.filter((f) => f.safe);
    assert.equal(safe.length, 1);
    assert.match(safe[0]!.title, /Make `total` optional so v1\.4\.0 senders stay valid/);
    assert.deepEqual(checkFix(pair, finding!, safe[0]!), []);
  });
}

const restoreCases: [string, string, string, string][] = [
  ['zod 4, one field per line', "import { z } from 'zod';", "z.object({\n  id: z.string(),\n  total: z.number().int(),\n  kind: z.enum(['a', 'b']),\n})", "z.object({\n  id: z.string(),\n  kind: z.enum(['a', 'b']),\n})"],
  ['zod 3, on one line, strict', "import { z } from 'zod3';", 'z.object({ id: z.string(), total: z.number() }).strict()', 'z.object({ id: z.string() }).strict()'],
  ['valibot', "import * as v from 'valibot';", 'v.object({ id: v.string(), total: v.number() })', 'v.object({ id: v.string() })'],
];

for (const [name, imports, before, after] of restoreCases) {
  test(`a required schema field removed is restored optional and deprecated: ${name}`, () => {
    const pair = loadPair(name, file(imports, before), file(imports, after));
    const finding = pair.comparison.findings.find((f) => f.rule === 'field-removed');
    assert.equal(finding?.path, 'Order.total', JSON.stringify(pair.comparison.findings.map((f) => f.rule)));
    const safe = fixesFor(finding, pair.input).fixes.filter((f) => f.safe);
    assert.equal(safe.length, 1, JSON.stringify(fixesFor(finding, pair.input)));
    assert.match(safe[0]!.edits[0]!.newText, /@deprecated[\s\S]*total: \S*optional/);
    assert.deepEqual(checkFix(pair, finding, safe[0]!), []);
  });
}
