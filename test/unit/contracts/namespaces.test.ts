import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareModels } from '../../../server/src/rules';
import { extractFiles, typeShape, withoutLocs } from './extract-helper.js';

const summary = (contracts: Record<string, { name: string; kind: string; source: string }>) =>
  Object.values(contracts).map((c) => [c.name, c.kind, c.source]).sort();

describe('contracts in namespaces', () => {
  it('names tagged contracts and the types they use by their qualified name, at any depth', () => {
    const { model, problems } = extractFiles({
      'a.ts': `export namespace Shop {
  export namespace Orders {
    export interface Line { sku: string }
    /** @wire */
    export interface Placed { lines: Line[]; by: Shop.Customer }
  }
  export interface Customer { id: string }
}
namespace Internal.Deep.Er {
  /** @wire */
  export type Ping = { at: number };
}`,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(summary(model.contracts), [
      ['Internal.Deep.Er.Ping', 'message', 'jsdoc'],
      ['Shop.Orders.Placed', 'message', 'jsdoc'],
    ]);
    assert.deepEqual(withoutLocs(typeShape(model, 'Shop.Orders.Placed')), {
      kind: 'object',
      fields: [
        { name: 'lines', shape: { kind: 'array', element: { kind: 'ref', name: 'Shop.Orders.Line' } }, optional: false },
        { name: 'by', shape: { kind: 'ref', name: 'Shop.Customer' }, optional: false },
      ],
    });
    assert.equal(model.contracts['Shop.Orders.Placed']?.loc.file, 'a.ts');
  });

  it('keeps same-named types in different namespaces apart', () => {
    const { model, problems } = extractFiles({
      'a.ts': `export namespace Fetch { export interface Request { id: number } }
export namespace Network { export interface Request { url: string } }
/** @wire */
export interface Both { a: Fetch.Request; b: Network.Request }`,
    });
    assert.deepEqual(problems, []);
    const fieldsOf = (name: string) => {
      const shape = typeShape(model, name);
      return shape.kind === 'object' ? shape.fields.map((f) => [f.name, f.shape.kind]) : shape.kind;
    };
    assert.deepEqual(fieldsOf('Fetch.Request'), [['id', 'number']]);
    assert.deepEqual(fieldsOf('Network.Request'), [['url', 'string']]);
  });

  it('takes exported types inside exported namespaces of a messages file, and nothing unreachable', () => {
    const { model } = extractFiles(
      {
        'msg.ts': `export namespace Api {
  export interface Visible { a: string }
  interface Hidden { b: string }
  export namespace Inner { export enum Level { Low, High } }
  namespace Private { export interface AlsoHidden { c: string } }
}
namespace NotExported { export interface Nope { d: string } }
export namespace A.B { export type Id = string }`,
      },
      { messages: ['msg.ts'] },
    );
    assert.deepEqual(summary(model.contracts), [
      ['A.B.Id', 'message', 'config'],
      ['Api.Inner.Level', 'message', 'config'],
      ['Api.Visible', 'message', 'config'],
    ]);
  });

  it('reads declare namespace / declare module blocks in .d.ts files, where members are exported implicitly', () => {
    const { model } = extractFiles(
      {
        'types/global.d.ts': 'declare namespace Wire {\n  interface Event { kind: string }\n  namespace Nested { interface Inner { n: number } }\n}',
        'types/pkg.d.ts': "declare module 'pkg' {\n  export interface Options { verbose?: boolean }\n  interface NotExported { x: 1 }\n  export {};\n}",
        'types/svc.d.ts': 'export declare namespace Remote {\n  interface Clock { now(): Promise<number>; zone: string }\n}',
      },
      { messages: ['types/global.d.ts', 'types/pkg.d.ts'], services: ['types/svc.d.ts'] },
    );
    assert.deepEqual(summary(model.contracts), [
      ['"pkg".Options', 'message', 'config'],
      ['Remote.Clock', 'service', 'config'],
      ['Wire.Event', 'message', 'config'],
      ['Wire.Nested.Inner', 'message', 'config'],
    ]);
    const clock = model.contracts['Remote.Clock'];
    assert.deepEqual(clock?.kind === 'service' && clock.methods.map((m) => [m.name, m.result.kind]), [['now', 'number']]);
  });

  it('treats a namespace reopened in two blocks as one namespace and matches names across a file move', () => {
    const before = extractFiles({
      'a.ts': 'export namespace P {\n  /** @wire */\n  export interface Job { id: string; step: P.Step }\n}\nexport namespace P {\n  export interface Step { n: number }\n}',
    });
    const moved = (step: string) =>
      extractFiles({
        'moved/b.ts': "import { P as Steps } from './q';\nexport namespace P {\n  /** @wire */\n  export interface Job { id: string; step: Steps.Step }\n}",
        'moved/q.ts': `export namespace P {\n  export interface Step { ${step} }\n}`,
      });
    const same = moved('n: number');
    assert.deepEqual(before.problems, []);
    assert.deepEqual(same.problems, []);
    assert.deepEqual(Object.keys(same.model.types).sort(), ['P.Job', 'P.Step']);
    assert.deepEqual(compareModels(before.model, same.model).changed, []);
    const edited = compareModels(before.model, moved('n: string').model);
    assert.deepEqual(edited.changed, ['P.Job']);
    assert.deepEqual(edited.findings.map((f) => [f.rule, f.path]), [['type-changed', 'P.Job.step.n']]);
  });
});
