import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCompilerOptions } from '../../../../server/src/contracts/compiler-options.js';
import { createExtractor, type ExtractResult } from '../../../../server/src/contracts/extractor.js';
import { extractSchemas, schemaTree } from './schema-tree.js';

type Files = Record<string, string>;

/** Extracts `before`, then `after` with the same extractor; the second result must equal a fresh extraction. */
function editAndCompare(before: Files, after: Files): { first: ExtractResult; second: ExtractResult } {
  const tree = schemaTree(before);
  const read = readCompilerOptions(tree);
  if ('error' in read) throw new Error(read.error);
  const extractor = createExtractor(tree, {}, read.options);
  const first = extractor.extract();
  extractor.update(schemaTree(after));
  const second = extractor.extract();
  assert.deepEqual(second.model, extractSchemas(after).model);
  assert.deepEqual(second.problems, []);
  return { first, second };
}

const money = "import { z } from 'zod';\nexport const Money = z.strictObject({ amount: z.number() });\n";
const order = "import { z } from 'zod';\nimport { Money } from './money';\n/** @wire */\nexport const Order = z.object({ total: Money });\n";
const ping = "import * as v from 'valibot';\n/** @wire */\nexport const Ping = v.object({ at: v.number() });\n";

describe('schema contracts after an edit', () => {
  it('take unchanged schema entries from the previous model and read the edited one again', () => {
    const before = { 'money.ts': money, 'order.ts': order, 'ping.ts': ping };
    const { first, second } = editAndCompare(before, { ...before, 'ping.ts': ping.replace('v.number()', 'v.string()') });
    assert.equal(second.model.types.Order, first.model.types.Order, 'Order is reused as is');
    assert.equal(second.model.types.Money, first.model.types.Money);
    assert.notEqual(second.model.types.Ping, first.model.types.Ping);
  });

  it('read a contract again when a schema it refers to changed in another file', () => {
    const before = { 'money.ts': money, 'order.ts': order };
    const { second } = editAndCompare(before, { ...before, 'money.ts': money.replace('strictObject', 'looseObject') });
    const shape = second.model.types.Money?.shape;
    assert.equal(shape?.kind === 'object' && shape.policy, 'lenient');
  });
});

describe('the libs a schema project loads', () => {
  it('browser globals named by the schema library (zod names File) do not pull in the DOM lib', () => {
    const tree = schemaTree({ 'messages.ts': "import { z } from 'zod';\n/** @wire */\nexport const A = z.object({ id: z.string() });\n", 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' } }) });
    const read = readCompilerOptions(tree);
    if ('error' in read) throw new Error(read.error);
    const extractor = createExtractor(tree, {}, read.options);
    const { model } = extractor.extract();
    assert.equal(model.types.A?.shape.kind, 'object');
    const loaded = extractor.seed()!.program.getSourceFiles().map((f) => f.fileName);
    assert.ok(loaded.some((f) => f.includes('/node_modules/zod/')), 'zod is loaded');
    assert.ok(!loaded.some((f) => f.endsWith('lib.dom.d.ts')), 'the DOM lib is not');
  });

  it('a project file that names a browser global still gets the full libs', () => {
    const tree = schemaTree({ 'messages.ts': "import { z } from 'zod';\n/** @wire */\nexport const A = z.object({ f: z.instanceof(File) });\n", 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' } }) });
    const read = readCompilerOptions(tree);
    if ('error' in read) throw new Error(read.error);
    const extractor = createExtractor(tree, {}, read.options);
    extractor.extract();
    assert.ok(extractor.seed()!.program.getSourceFiles().some((f) => f.fileName.endsWith('lib.dom.d.ts')));
  });
});

describe('a file whose candidates gave no contract', () => {
  it('is read again when a module it imports changed: a value may have become a schema', () => {
    const before = {
      'z.ts': 'export const z = { object: (shape: object) => shape, string: () => 1 };\n',
      'thing.ts': "import { z } from './z';\n/** @wire */\nexport const Thing = z.object({ a: z.string() });\n",
      // zod is in the program before the edit too: the same files, so the previous extraction is offered.
      'money.ts': money,
      'order.ts': order,
    };
    const tree = schemaTree(before);
    const read = readCompilerOptions(tree);
    if ('error' in read) throw new Error(read.error);
    assert.ok(createExtractor(tree, {}, read.options).extract().problems.some((p) => p.message.includes("'Thing'")), 'not a schema at first');
    const { second } = editAndCompare(before, { ...before, 'z.ts': "export { z } from 'zod';\n" });
    assert.equal(second.model.contracts.Thing?.kind, 'message');
  });
});
