import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareModels } from '../../../server/src/rules';
import { readable } from '../../../server/src/engine/readable';
import { hasReaderAnnotations, readerView, writerView } from '../../../server/src/engine/views';
import type { Shape, WireModel } from '../../../server/src/engine/shape';
import { decoded, messages, s, schemas, service, zobj } from './schema-models';

const brief = (oldModel: WireModel, newModel: WireModel) => compareModels(oldModel, newModel).findings.map((f) => [f.rule, f.path, f.breaks]);
const objectOf = (model: WireModel, name: string) => model.types[name]!.shape as Extract<Shape, { kind: 'object' }>;

test('a plain model is its own writer and reader view', () => {
  const model = messages({ Order: s.obj({ id: s.string }) });
  assert.equal(hasReaderAnnotations(model), false);
  assert.equal(writerView(model), model);
  assert.equal(readerView(model), model);
});

test('the writer view takes the output, requires defaulted fields and drops the policy; the reader view the opposite', () => {
  const model = schemas({ Order: zobj('strict', { id: s.string, retries: [s.number, '='], when: decoded(s.string, s.number) }) });
  const w = objectOf(writerView(model), 'Order');
  const r = objectOf(readerView(model), 'Order');
  assert.equal(w.policy, undefined);
  assert.equal(r.policy, 'strict');
  assert.deepEqual(
    w.fields.map((f) => [f.name, f.optional, f.shape.kind, f.defaulted]),
    [['id', false, 'string', undefined], ['retries', false, 'number', undefined], ['when', false, 'number', undefined]],
  );
  assert.deepEqual(
    r.fields.map((f) => [f.name, f.optional, f.shape.kind, f.defaulted]),
    [['id', false, 'string', undefined], ['retries', true, 'number', true], ['when', false, 'string', undefined]],
  );
});

test('views are remembered per model, and an unchanged entry keeps its view across models', () => {
  const order = { name: 'Order', shape: zobj('strip', { id: s.string }) };
  const a: WireModel = { contracts: { Order: { kind: 'message', name: 'Order', loc: { file: 'a.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, source: 'jsdoc' } }, types: { Order: order } };
  const b: WireModel = { contracts: a.contracts, types: { Order: order } };
  assert.equal(readerView(a), readerView(a));
  assert.equal(readerView(a).types.Order, readerView(b).types.Order);
});

test('service methods are projected: a defaulted parameter field is optional to the server that reads it', () => {
  const model = service('Orders', { create: { params: [['input', zobj('strip', { id: s.string, retries: [s.number, '='] })]], result: s.void } });
  const reader = readerView(model).contracts.Orders;
  const writer = writerView(model).contracts.Orders;
  assert.ok(reader?.kind === 'service' && writer?.kind === 'service');
  const fieldsOf = (shape: Shape) => (shape.kind === 'object' ? shape.fields.map((f) => [f.name, f.optional]) : []);
  assert.deepEqual(fieldsOf(reader.methods[0]!.params[0]!.shape), [['id', false], ['retries', true]]);
  assert.deepEqual(fieldsOf(writer.methods[0]!.params[0]!.shape), [['id', false], ['retries', false]]);
});

test('readable: a strict reader rejects a key it does not declare; strip and lenient readers read it', () => {
  const writer = s.obj({ id: s.string, coupon: [s.string, '?'] });
  const env = { writer: messages({}), reader: messages({}) };
  assert.equal(readable(writer, zobj('strict', { id: s.string }), env), false);
  assert.equal(readable(writer, zobj('strip', { id: s.string }), env), true);
  assert.equal(readable(writer, zobj('lenient', { id: s.string }), env), true);
  assert.equal(readable(writer, s.obj({ id: s.string }), env), true);
  // The global option makes plain types strict; a schema object's own policy still decides for it.
  assert.equal(readable(writer, s.obj({ id: s.string }), { ...env, strictReaders: true }), false);
  assert.equal(readable(writer, zobj('lenient', { id: s.string }), { ...env, strictReaders: true }), true);
  // An index signature in the writer may hold any key: strict rejects it too.
  const catchall: Shape = { kind: 'object', fields: [{ name: 'id', shape: s.string, optional: false }], index: s.string };
  assert.equal(readable(catchall, zobj('strict', { id: s.string }), env), false);
  assert.equal(readable(catchall, zobj('strip', { id: s.string }), env), true);
});

test('a field added with .default() is safe both ways; the same field added plainly required is not', () => {
  const before = schemas({ Order: zobj('strip', { id: s.string }) });
  assert.deepEqual(brief(before, schemas({ Order: zobj('strip', { id: s.string, retries: [s.number, '='] }) })), []);
  assert.deepEqual(brief(before, schemas({ Order: zobj('strip', { id: s.string, retries: s.number }) })), [
    ['field-required-added', 'Order.retries', ['old-to-new']],
  ]);
});

test('a defaulted field removed from the writer is safe for the reader that defaults it', () => {
  const before = schemas({ Order: zobj('strip', { id: s.string, retries: [s.number, '='] }) });
  assert.deepEqual(brief(before, schemas({ Order: zobj('strip', { id: s.string }) })), []);
  // Without the default the baseline required it: removing it breaks new-to-old, as for a plain type.
  const required = schemas({ Order: zobj('strip', { id: s.string, retries: s.number }) });
  assert.deepEqual(brief(required, schemas({ Order: zobj('strip', { id: s.string }) })), [['field-removed', 'Order.retries', ['new-to-old']]]);
});

test('a default taken away: old writers always sent the field (their output had it), so nothing breaks', () => {
  const before = schemas({ Order: zobj('strip', { id: s.string, retries: [s.number, '='] }) });
  assert.deepEqual(brief(before, schemas({ Order: zobj('strip', { id: s.string, retries: s.number }) })), []);
  // A field that was plainly optional and became required still breaks old-to-new.
  const optional = schemas({ Order: zobj('strip', { id: s.string, retries: [s.number, '?'] }) });
  assert.deepEqual(brief(optional, schemas({ Order: zobj('strip', { id: s.string, retries: s.number }) })), [
    ['field-made-required', 'Order.retries', ['old-to-new']],
  ]);
});

test('a transform: the writer sends the output and the reader takes the input', () => {
  // `at: z.string().transform(Number)` became `at: z.number()`: old writers send numbers (the output), which
  // the new reader takes; new writers send numbers, which the old reader (expecting the string input) rejects.
  const before = schemas({ Ev: zobj('strip', { at: decoded(s.string, s.number) }) });
  assert.deepEqual(brief(before, schemas({ Ev: zobj('strip', { at: s.number }) })), [['type-changed', 'Ev.at', ['new-to-old']]]);
  assert.deepEqual(brief(before, before), []);
});

test('a change that breaks both ways is one finding with both directions', () => {
  const before = schemas({ Order: zobj('strip', { amount: s.number }) });
  const found = compareModels(before, schemas({ Order: zobj('strip', { amount: s.string }) })).findings;
  assert.deepEqual(found.map((f) => [f.rule, f.path, f.breaks, f.order]), [['type-changed', 'Order.amount', ['old-to-new', 'new-to-old'], 'none']]);
  assert.match(found[0]!.message, /this version cannot read .* and the baseline cannot read/);
});

test('enum and literal widening is still reported through the views', () => {
  const status = (...values: string[]) => s.union(...values.map((v) => s.lit(v)));
  const before = schemas({ Order: zobj('strip', { status: status('open', 'paid') }) });
  assert.deepEqual(brief(before, schemas({ Order: zobj('strip', { status: status('open', 'paid', 'refunded') }) })), [
    ['union-variant-added', 'Order.status', ['new-to-old']],
  ]);
  const e = (members: Record<string, string>) => schemas({ Order: zobj('strict', { status: s.enum(members) }) });
  assert.deepEqual(brief(e({ Open: 'open' }), e({ Open: 'open', Paid: 'paid' })), [['enum-member-added', 'Order.status.Paid', ['new-to-old']]]);
});

test('an RPC result read through views: a defaulted field added to the result is safe for old clients', () => {
  const svc = (fields: Parameters<typeof zobj>[1]) => {
    const model = service('Orders', { get: { params: [['id', s.string]], result: zobj('strip', fields) } });
    model.contracts.Orders!.schema = { library: 'zod4' };
    return model;
  };
  assert.deepEqual(brief(svc({ id: s.string }), svc({ id: s.string, retries: [s.number, '='] })), []);
  // The client reads the result: a field removed from a strict client's view is read only by this version.
  assert.deepEqual(brief(svc({ id: s.string, retries: [s.number, '='] }), svc({ id: s.string })), []);
});

test('an unchanged decoder in a changed contract reports nothing: its output is not compared with its own input', () => {
  const before = schemas({ Ev: zobj('strip', { at: decoded(s.string, s.number), id: s.string }) });
  const after = schemas({ Ev: zobj('strip', { at: decoded(s.string, s.number), id: s.string, note: [s.string, '?'] }) });
  assert.deepEqual(brief(before, after), []);
  // Reached through a named type too.
  const named = (extra: Parameters<typeof zobj>[1]) => {
    const model = schemas({ Ev: zobj('strip', { when: s.ref('When'), ...extra }) });
    model.types.When = { name: 'When', shape: decoded(s.string, s.number) };
    return model;
  };
  assert.deepEqual(brief(named({}), named({ note: [s.string, '?'] })), []);
});

test('a renamed field whose schema object did not change is a rename, though each side shows it through another view', () => {
  const money = (name: string) => schemas({ Order: zobj('strip', { id: s.string, [name]: zobj('strict', { amount: s.number, currency: [s.string, '='] }) }) });
  assert.deepEqual(brief(money('total'), money('sum')), [['field-renamed', 'Order.sum', ['old-to-new', 'new-to-old']]]);
});

test('after an edit, reader annotations are looked for in the entries that changed: a new one is found, an unchanged plain model stays plain', () => {
  const plain = messages({ Order: s.obj({ id: s.string }), Ping: s.obj({ at: s.number }) });
  assert.equal(hasReaderAnnotations(plain), false);
  // The edit keeps Ping's entry (the same object) and rebuilds Order with a decoder in it.
  const edited: WireModel = { contracts: { ...plain.contracts }, types: { ...plain.types, Order: { ...plain.types.Order!, shape: s.obj({ id: decoded(s.string, s.number) }) } } };
  assert.equal(hasReaderAnnotations(edited, plain), true);
  const renamed: WireModel = { contracts: { ...plain.contracts }, types: { ...plain.types, Order: { ...plain.types.Order!, shape: s.obj({ key: s.string }) } } };
  assert.equal(hasReaderAnnotations(renamed, plain), false);
  // A schema contract added by the edit is an annotation of its own.
  const withSchema = schemas({ Order: zobj('strip', { id: s.string }) });
  const added: WireModel = { contracts: { ...plain.contracts, Extra: withSchema.contracts.Order! }, types: { ...plain.types, Extra: withSchema.types.Order! } };
  assert.equal(hasReaderAnnotations(added, plain), true);
});
