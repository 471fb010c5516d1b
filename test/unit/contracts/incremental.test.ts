import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options.js';
import { createExtractor, type ExtractResult } from '../../../server/src/contracts/extractor.js';
import { memoryTree } from '../../../server/src/contracts/memory-tree.js';

type Files = Record<string, string>;

function fresh(files: Files): ExtractResult {
  const tree = memoryTree(files);
  const read = readCompilerOptions(tree);
  if ('error' in read) throw new Error(read.error);
  return createExtractor(tree, {}, read.options).extract();
}

/** Extracts `before`, then `after` with the same extractor, and checks the result equals a fresh extraction. */
function editAndCompare(before: Files, after: Files): { first: ExtractResult; second: ExtractResult } {
  const tree = memoryTree(before);
  const read = readCompilerOptions(tree);
  if ('error' in read) throw new Error(read.error);
  const extractor = createExtractor(tree, {}, read.options);
  const first = extractor.extract();
  extractor.update(memoryTree(after));
  const second = extractor.extract();
  const expected = fresh(after);
  const sortProblems = (r: ExtractResult) => [...r.problems].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  assert.deepEqual(second.model, expected.model);
  assert.deepEqual(sortProblems(second), sortProblems(expected));
  return { first, second };
}

/** Extracts `before` (the baseline), then `after` with a new extractor seeded by it, and checks it equals a fresh one. */
function seededAndCompare(before: Files, after: Files): { first: ExtractResult; second: ExtractResult } {
  const baseline = memoryTree(before);
  const read = readCompilerOptions(baseline);
  if ('error' in read) throw new Error(read.error);
  const extractor = createExtractor(baseline, {}, read.options);
  const first = extractor.extract();
  const second = createExtractor(memoryTree(after), {}, read.options, extractor.seed()).extract();
  const expected = fresh(after);
  const sortProblems = (r: ExtractResult) => [...r.problems].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  assert.deepEqual(second.model, expected.model);
  assert.deepEqual(sortProblems(second), sortProblems(expected));
  return { first, second };
}

const money = 'export interface Money {\n  amount: number;\n}\n';
const order = "import type { Money } from './money';\n/** @wire */\nexport interface Order {\n  total: Money;\n  note?: string;\n}\n";
const ping = '/** @wire */\nexport interface Ping {\n  at: number;\n}\n';

describe('incremental extraction after an edit', () => {
  it('takes unchanged entries from the previous model and rebuilds the edited one', () => {
    const before = { 'money.ts': money, 'order.ts': order, 'ping.ts': ping };
    const { first, second } = editAndCompare(before, { ...before, 'ping.ts': ping.replace('at: number', 'at: string') });
    assert.equal(second.model.types.Order, first.model.types.Order, 'Order is reused as is');
    assert.equal(second.model.types.Money, first.model.types.Money);
    assert.notEqual(second.model.types.Ping, first.model.types.Ping);
  });

  it('rebuilds a contract whose referenced type changed in another file', () => {
    const before = { 'money.ts': money, 'order.ts': order };
    const { first, second } = editAndCompare(before, { ...before, 'money.ts': money.replace('amount: number;', 'amount: number;\n  currency: string;') });
    assert.notEqual(second.model.types.Money, first.model.types.Money);
  });

  it('sees a renamed type: the referring field becomes any', () => {
    const before = { 'money.ts': money, 'order.ts': order };
    editAndCompare(before, { ...before, 'money.ts': money.replace('Money', 'Cash') });
  });

  it('follows aliases, Pick and enums declared in other files', () => {
    const before = {
      'ids.ts': 'export type Id = string;\nexport enum Level { Low, High }\nexport interface Base {\n  a: string;\n  b: number;\n}\n',
      'msg.ts': "import { Id, Level, Base } from './ids';\n/** @wire */\nexport interface Msg {\n  id: Id;\n  level: Level;\n  part: Pick<Base, 'a'>;\n}\n",
    };
    editAndCompare(before, { ...before, 'ids.ts': before['ids.ts'].replace('Id = string', 'Id = number') });
    editAndCompare(before, { ...before, 'ids.ts': before['ids.ts'].replace('Low, High', 'High, Low') });
    editAndCompare(before, { ...before, 'ids.ts': before['ids.ts'].replace('a: string', 'a: boolean') });
  });

  it('notices a name that now resolves through a changed re-export', () => {
    const before = {
      'a.ts': 'export interface Thing {\n  x: string;\n}\n',
      'b.ts': 'export interface Thing {\n  y: number;\n}\n',
      'hub.ts': "export * from './a';\n",
      'msg.ts': "import { Thing } from './hub';\n/** @wire */\nexport interface Msg {\n  thing: Thing;\n}\n",
    };
    editAndCompare(before, { ...before, 'hub.ts': "export * from './b';\n" });
  });

  it('starts over when a file is added or a global declaration changes', () => {
    const before = { 'money.ts': money, 'order.ts': order, 'g.d.ts': 'interface Extra { e: string }\n' };
    editAndCompare(before, { ...before, 'g.d.ts': 'interface Extra { e: number }\n' });
    editAndCompare(before, { ...before, 'ping.ts': ping });
  });

  it('keeps reporting problems of reused entries', () => {
    const before = {
      'one.ts': 'export interface Dup {\n  a: string;\n}\n',
      'two.ts': "import { Dup as D1 } from './one';\nexport interface Dup {\n  b: string;\n}\n/** @wire */\nexport interface M {\n  one: D1;\n  two: Dup;\n}\n",
      'ping.ts': ping,
    };
    const { first, second } = editAndCompare(before, { ...before, 'ping.ts': ping.replace('number', 'string') });
    assert.ok(first.problems.length > 0, 'the collision is a problem');
    assert.equal(second.problems.length, first.problems.length);
  });
});

describe('incremental extraction of services', () => {
  const base = 'export interface Base {\n  ping(): Promise<void>;\n}\n';
  const api = "import type { Base } from './base';\nimport type { Money } from './money';\n/** @rpc */\nexport interface Api extends Base {\n  charge(amount: Money): Promise<Money>;\n}\n";

  it('reuses an unchanged service and rebuilds one whose inherited methods or types changed', () => {
    const before = { 'base.ts': base, 'money.ts': money, 'api.ts': api, 'ping.ts': ping };
    const { first, second } = editAndCompare(before, { ...before, 'ping.ts': ping.replace('number', 'string') });
    const methods = (r: ExtractResult) => (r.model.contracts.Api as { methods: unknown[] }).methods;
    assert.equal(methods(second), methods(first), 'the methods are taken as they were');
    editAndCompare(before, { ...before, 'base.ts': base.replace('ping(): Promise<void>;', 'ping(): Promise<void>;\n  pong(n: number): Promise<string>;') });
    editAndCompare(before, { ...before, 'money.ts': money.replace('number', 'string') });
  });
});

describe('the working tree seeded by the baseline', () => {
  it('takes the entries of unchanged files from the baseline and builds the changed ones', () => {
    const before = { 'money.ts': money, 'order.ts': order, 'ping.ts': ping };
    const { first, second } = seededAndCompare(before, { ...before, 'ping.ts': ping.replace('at: number', 'at: string') });
    assert.equal(second.model.types.Order, first.model.types.Order, 'Order is the baseline entry itself');
    assert.notEqual(second.model.types.Ping, first.model.types.Ping);
  });

  it('gives what a fresh extraction gives for every kind of change', () => {
    const before = {
      'ids.ts': 'export type Id = string;\nexport enum Level { Low, High }\nexport interface Base {\n  a: string;\n  b: number;\n}\n',
      'msg.ts': "import { Id, Level, Base } from './ids';\n/** @wire */\nexport interface Msg {\n  id: Id;\n  level: Level;\n  part: Pick<Base, 'a'>;\n}\n",
      'money.ts': money,
      'order.ts': order,
    };
    seededAndCompare(before, { ...before, 'ids.ts': before['ids.ts'].replace('Id = string', 'Id = number') });
    seededAndCompare(before, { ...before, 'ids.ts': before['ids.ts'].replace('Low, High', 'High, Low') });
    seededAndCompare(before, { ...before, 'money.ts': money.replace('Money', 'Cash') });
    seededAndCompare(before, { ...before, 'ping.ts': ping });
    const { 'money.ts': _gone, ...withoutMoney } = before;
    seededAndCompare(before, withoutMoney);
  });
});

describe('contract records of unchanged files', () => {
  const api = "import type { Money } from './money';\n/** @rpc */\nexport interface Api {\n  charge(amount: Money): Promise<Money>;\n}\n";

  it('are the previous records themselves when nothing they were read from changed', () => {
    const before = { 'money.ts': money, 'order.ts': order, 'ping.ts': ping, 'api.ts': api };
    const { first, second } = editAndCompare(before, { ...before, 'ping.ts': ping.replace('at: number', 'at: string') });
    assert.equal(second.model.contracts.Order, first.model.contracts.Order, 'Order is kept as it was');
    assert.equal(second.model.contracts.Api, first.model.contracts.Api, 'so is the service');
    assert.notEqual(second.model.contracts.Ping, first.model.contracts.Ping);
    const { first: again, second: changed } = editAndCompare(before, { ...before, 'money.ts': money.replace('number', 'string') });
    assert.notEqual(changed.model.contracts.Order, again.model.contracts.Order, 'a file importing a changed module is read again');
  });

  it('give what a fresh extraction gives around names met in two files, aliases, merged blocks and problems', () => {
    const before = {
      'a.ts': '/** @wire */\nexport interface X {\n  a: string;\n}\n/** @wire */\nexport type Y = X;\n',
      'b.ts': '/** @wire */\nexport interface Z {\n  b: string;\n}\n/** @wire */\nexport const NotASchema = 1;\n',
      'c.ts': '/** @wire */\nexport interface X {\n  c: string;\n}\n',
      'd.ts': 'export namespace N {\n  /** @wire */\n  export interface M {\n    a: string;\n  }\n}\nexport namespace N {\n  /** @wire */\n  export interface M {\n    b: string;\n  }\n}\n',
      'ping.ts': ping,
    };
    editAndCompare(before, { ...before, 'ping.ts': ping.replace('at: number', 'at: string') });
    editAndCompare(before, { ...before, 'b.ts': before['b.ts'].replace('interface Z', 'interface X') });
    editAndCompare(before, { ...before, 'a.ts': before['a.ts'].replace('interface X', 'interface Z').replace('= X', '= Z') });
    editAndCompare(before, { ...before, 'c.ts': before['c.ts'].replace('interface X', 'interface W') });
    editAndCompare(before, { ...before, 'd.ts': before['d.ts'].replace('b: string', 'b: number') });
    const { first, second } = editAndCompare(before, { ...before, 'ping.ts': ping.replace('at: number', 'at: boolean') });
    assert.ok(first.problems.some((p) => p.message.includes('NotASchema')), 'the kept file problem is there before');
    assert.equal(second.model.contracts.Z, first.model.contracts.Z, 'b.ts is kept');
  });

  it('are read again when a file augments another module', () => {
    const before = { 'money.ts': money, 'order.ts': order, 'ping.ts': ping, 'aug.ts': "/** @wire */\nexport interface Extra {\n  e: string;\n}\ndeclare module './money' {\n  interface Money {\n    extra?: string;\n  }\n}\n" };
    const { first, second } = editAndCompare(before, { ...before, 'ping.ts': ping.replace('at: number', 'at: string') });
    assert.notEqual(second.model.contracts.Order, first.model.contracts.Order);
  });
});
