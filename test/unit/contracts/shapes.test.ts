import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Field, Shape } from '../../../server/src/engine/shape.js';
import { extractFiles, typeShape, withoutLocs } from './extract-helper.js';

/** Extracts `/** @wire *\/ export interface M { <body> }` plus extra declarations, and returns M's fields. */
function fieldsOf(body: string, extra = ''): Record<string, Omit<Field, 'loc'>> {
  const { model, problems } = extractFiles({ 'src/m.ts': `/** @wire */\nexport interface M {\n${body}\n}\n${extra}` });
  assert.deepEqual(problems, []);
  const shape = typeShape(model, 'M');
  assert.equal(shape.kind, 'object');
  return Object.fromEntries(withoutLocs(shape.kind === 'object' ? shape.fields : []).map((f) => [f.name, f]));
}

const shapeOfField = (body: string, extra = ''): Shape => {
  const { x } = fieldsOf(`x: ${body};`, extra);
  assert.ok(x, 'M has a field x');
  return x.shape;
};

describe('shapes of primitive and literal types', () => {
  it('maps primitives, null and top/bottom types', () => {
    assert.deepEqual(shapeOfField('string'), { kind: 'string' });
    assert.deepEqual(shapeOfField('number'), { kind: 'number' });
    assert.deepEqual(shapeOfField('boolean'), { kind: 'boolean' });
    assert.deepEqual(shapeOfField('null'), { kind: 'null' });
    assert.deepEqual(shapeOfField('any'), { kind: 'any' });
    assert.deepEqual(shapeOfField('unknown'), { kind: 'any' });
    assert.deepEqual(shapeOfField('never'), { kind: 'never' });
    // A template literal keeps its template: widening it to string is a change (issue 10).
    assert.deepEqual(shapeOfField('`id-${string}`'), { kind: 'string', template: 'id-${string}' });
  });

  it('keeps string, number and boolean literals', () => {
    assert.deepEqual(shapeOfField("'a'"), { kind: 'literal', value: 'a' });
    assert.deepEqual(shapeOfField('42'), { kind: 'literal', value: 42 });
    assert.deepEqual(shapeOfField('true'), { kind: 'literal', value: true });
  });

  it('inlines an alias of a primitive', () => {
    // Its name stays beside the wire shape for messages only (issue 15, point 10).
    const { alias, ...wire } = shapeOfField('Id', 'type Id = string;') as Shape & { alias?: string };
    assert.deepEqual(wire, { kind: 'string' });
    assert.equal(alias, 'Id');
  });

  it('reads a branded primitive as the primitive', () => {
    assert.deepEqual(shapeOfField("string & { __brand: 'Id' }"), { kind: 'string' });
  });
});

describe('optional members and unions', () => {
  it('treats `x?: T` and `x: T | undefined` the same', () => {
    const fields = fieldsOf('a?: string; b: string | undefined; c: string;');
    assert.deepEqual({ ...fields.a, name: '' }, { ...fields.b, name: '' });
    assert.equal(fields.a?.optional, true);
    assert.equal(fields.c?.optional, false);
  });

  it('keeps null as a variant and does not make the field optional', () => {
    const fields = fieldsOf('a: string | null;');
    assert.equal(fields.a?.optional, false);
    assert.deepEqual(fields.a?.shape, { kind: 'union', variants: [{ kind: 'null' }, { kind: 'string' }] });
  });

  it('keeps `boolean | undefined` a boolean', () => {
    assert.deepEqual(fieldsOf('a?: boolean;').a, { name: 'a', shape: { kind: 'boolean' }, optional: true });
  });

  it('orders union variants the same whatever the spelling order', () => {
    assert.deepEqual(shapeOfField("'b' | 'a' | 1"), shapeOfField("1 | 'a' | 'b'"));
  });

  it('keeps a named union a ref when it is optional', () => {
    const fields = fieldsOf("a?: Status; b: Status;", "type Status = 'on' | 'off';");
    assert.deepEqual(fields.a?.shape, { kind: 'ref', name: 'Status' });
    assert.deepEqual(fields.b?.shape, { kind: 'ref', name: 'Status' });
  });
});

describe('objects, arrays and tuples', () => {
  it('lists properties in declaration order and ignores readonly', () => {
    const fields = fieldsOf('readonly z: string; a: { inner: number };');
    assert.deepEqual(Object.keys(fields), ['z', 'a']);
    assert.deepEqual(fields.z?.shape, { kind: 'string' });
    assert.deepEqual(fields.a?.shape, {
      kind: 'object',
      fields: [{ name: 'inner', shape: { kind: 'number' }, optional: false }],
    });
  });

  it('turns index signatures and Record<string, T> into an index', () => {
    const expected = { kind: 'object', fields: [], index: { kind: 'number' } };
    assert.deepEqual(shapeOfField('{ [key: string]: number }'), expected);
    assert.deepEqual(shapeOfField('Record<string, number>'), expected);
  });

  it('treats arrays and ReadonlyArray alike', () => {
    const expected = { kind: 'array', element: { kind: 'string' } };
    assert.deepEqual(shapeOfField('string[]'), expected);
    assert.deepEqual(shapeOfField('ReadonlyArray<string>'), expected);
    assert.deepEqual(shapeOfField('Array<string>'), expected);
  });

  it('keeps optional and rest tuple elements', () => {
    assert.deepEqual(shapeOfField('[string, number?, ...boolean[]]'), {
      kind: 'tuple',
      elements: [
        { shape: { kind: 'string' }, optional: false },
        { shape: { kind: 'number' }, optional: true },
        { shape: { kind: 'boolean' }, optional: true, rest: true },
      ],
    });
  });
});

describe('values JSON cannot carry', () => {
  it('flags Date, Map, Set, WeakMap, bigint, symbol and functions', () => {
    assert.deepEqual(shapeOfField('Date'), { kind: 'unsafe', what: 'Date' });
    assert.deepEqual(shapeOfField('Map<string, number>'), { kind: 'unsafe', what: 'Map' });
    assert.deepEqual(shapeOfField('WeakMap<object, number>'), { kind: 'unsafe', what: 'Map' });
    assert.deepEqual(shapeOfField('Set<string>'), { kind: 'unsafe', what: 'Set' });
    assert.deepEqual(shapeOfField('bigint'), { kind: 'unsafe', what: 'bigint' });
    assert.deepEqual(shapeOfField('symbol'), { kind: 'unsafe', what: 'symbol' });
    assert.deepEqual(shapeOfField('(a: string) => void'), { kind: 'unsafe', what: 'function' });
  });

  it("flags Node's Buffer anywhere in a shape, without @types/node and merged with a project's own declaration", () => {
    const buffer = { kind: 'unsafe', what: 'Buffer' };
    assert.deepEqual(shapeOfField('Buffer'), buffer);
    assert.deepEqual(shapeOfField('Buffer[]'), { kind: 'array', element: buffer });
    assert.deepEqual(shapeOfField('Buffer | null'), { kind: 'union', variants: [{ kind: 'null' }, buffer] });
    // a project that declares the global itself (as @types/node does) still gets the finding
    assert.deepEqual(shapeOfField('Buffer', 'declare global {\n  interface Buffer {\n    readonly byteOffset: number;\n  }\n}\n'), buffer);
    // a type of the project's own that happens to be called Buffer is data like any other
    const local = shapeOfField('Buffer', 'interface Buffer {\n  size: number;\n}\n');
    assert.notDeepEqual(local, buffer);
  });

  it('keeps a class message to its data properties; a function-typed property is unsafe', () => {
    const { model } = extractFiles({
      'src/c.ts': `/** @wire */
export class Event {
  id = '';
  private secret?: number;
  handler: () => void = () => {};
  static version = 1;
  get label() { return this.id; }
  describe(): string { return this.id; }
}`,
    });
    assert.deepEqual(withoutLocs(typeShape(model, 'Event')), {
      kind: 'object',
      fields: [
        { name: 'id', shape: { kind: 'string' }, optional: false },
        { name: 'secret', shape: { kind: 'number' }, optional: true },
        { name: 'handler', shape: { kind: 'unsafe', what: 'function' }, optional: false },
      ],
    });
  });
});

describe('enums', () => {
  it('computes implicit numbering and marks it implicit', () => {
    const { model } = extractFiles({ 'src/e.ts': '/** @wire */\nexport enum P { Low, Mid = 5, High }' });
    assert.deepEqual(withoutLocs(typeShape(model, 'P')), {
      kind: 'enum',
      members: [
        { key: 'Low', value: 0, implicit: true },
        { key: 'Mid', value: 5, implicit: false },
        { key: 'High', value: 6, implicit: true },
      ],
    });
  });

  it('reads string enums and const enums by value', () => {
    const { model } = extractFiles({
      'src/e.ts': "/** @wire */\nexport enum S { A = 'a', B = 'b' }\n/** @wire */\nexport const enum C { X = 1, Y = 2 }",
    });
    assert.deepEqual(withoutLocs(typeShape(model, 'S')), {
      kind: 'enum',
      members: [
        { key: 'A', value: 'a', implicit: false },
        { key: 'B', value: 'b', implicit: false },
      ],
    });
    const constEnum = typeShape(model, 'C');
    assert.deepEqual(constEnum.kind === 'enum' && constEnum.members.map((m) => [m.key, m.value]), [['X', 1], ['Y', 2]]);
  });

  it('refers to an enum used as a field (also optional or one-member) by name', () => {
    const fields = fieldsOf('a: E; b?: E; c: One; d: E.Y;', "enum E { X = 'x', Y = 'y' }\nenum One { Only = 1 }");
    assert.deepEqual(fields.a?.shape, { kind: 'ref', name: 'E' });
    assert.deepEqual(fields.b?.shape, { kind: 'ref', name: 'E' });
    assert.deepEqual(fields.c?.shape, { kind: 'ref', name: 'One' });
    assert.deepEqual(fields.d?.shape, { kind: 'literal', value: 'y' });
  });
});

describe('generics and utility types', () => {
  it('names a generic instantiation by its display name', () => {
    const { model } = extractFiles({
      'src/g.ts': `interface User { id: string }
interface Page<T> { items: T[]; next?: string }
/** @wire */
export interface Users { page: Page<User> }`,
    });
    assert.deepEqual(withoutLocs(typeShape(model, 'Users')), {
      kind: 'object',
      fields: [{ name: 'page', shape: { kind: 'ref', name: 'Page<User>' }, optional: false }],
    });
    assert.deepEqual(withoutLocs(typeShape(model, 'Page<User>')), {
      kind: 'object',
      fields: [
        { name: 'items', shape: { kind: 'array', element: { kind: 'ref', name: 'User' } }, optional: false },
        { name: 'next', shape: { kind: 'string' }, optional: true },
      ],
    });
  });

  it('resolves Partial and Required to their properties', () => {
    const extra = 'interface U { id: string; name?: string }';
    const partial = shapeOfField('Partial<U>', extra);
    const required = shapeOfField('Required<U>', extra);
    assert.deepEqual(partial.kind === 'object' && partial.fields.map((f) => [f.name, f.optional]), [['id', true], ['name', true]]);
    assert.deepEqual(required.kind === 'object' && required.fields.map((f) => [f.name, f.optional]), [['id', false], ['name', false]]);
  });
});
