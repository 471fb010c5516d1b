import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ts } from '@ts-morph/common';
import { withWrittenAliases } from '../../../server/src/contracts/written-aliases';
import type { Shape } from '../../../server/src/engine/shape';

function program(text: string): { checker: ts.TypeChecker; members: Map<string, ts.TypeNode> } {
  const host = ts.createCompilerHost({ noLib: true });
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name === '/p/a.ts' ? ts.createSourceFile(name, text, version, true) : getSourceFile(name, version));
  const built = ts.createProgram({ rootNames: ['/p/a.ts'], options: { noLib: true }, host });
  const members = new Map<string, ts.TypeNode>();
  for (const statement of built.getSourceFile('/p/a.ts')!.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    for (const member of statement.members) if (ts.isPropertySignature(member) && member.type) members.set(member.name.getText(), member.type);
  }
  return { checker: built.getTypeChecker(), members };
}

/** The checker, counting the name lookups asked of it. */
function counting(checker: ts.TypeChecker): { checker: ts.TypeChecker; lookups: () => number } {
  let lookups = 0;
  const wrapped = new Proxy(checker, {
    get(target, key) {
      if (key === 'getSymbolAtLocation') lookups++;
      return Reflect.get(target, key, target) as unknown;
    },
  });
  return { checker: wrapped, lookups: () => lookups };
}

const text = 'type Sku = string;\ninterface Item { id: string }\ninterface Order { sku: Sku; item: Item }\n';
const none = () => '';

test('a reference to an alias of a primitive keeps the name written', () => {
  const { checker, members } = program(text);
  assert.deepEqual(withWrittenAliases({ kind: 'string' }, members.get('sku')!, checker, none), { kind: 'string', alias: 'Sku' });
});

test('a reference whose shape kept its name (a ref) is not looked up', () => {
  const { checker, members } = program(text);
  const spy = counting(checker);
  const ref: Shape = { kind: 'ref', name: 'Item' };
  assert.equal(withWrittenAliases(ref, members.get('item')!, spy.checker, none), ref);
  assert.equal(spy.lookups(), 0);
});
