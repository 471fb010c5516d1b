import type { Field, ObjectShape, ReaderPolicy } from '../../engine/shape.js';
import type { Read } from '../../contracts/schemas/read-shapes.js';

const STRICTNESS: Record<ReaderPolicy, number> = { lenient: 0, strip: 1, strict: 2 };

/**
 * Stacked `.input(a).input(b)`: tRPC runs every parser on the raw input the client sent, and refuses the call
 * when any of them fails (their outputs are then merged for the resolver). So the input's reader is all of them at
 * once: each key is read by each parser that declares it, a key may be absent only when every such parser lets it
 * be, and the strictest unknown-key policy applies. Undefined where that cannot be one object (a parser that is
 * not an object, or a key two parsers read as different shapes): the caller then reads the input from its type.
 */
export function stackedInputs(reads: readonly Read[]): Read | undefined {
  const [first, ...rest] = reads;
  if (!first || rest.length === 0) return first;
  const objects = reads.map((r) => r.shape);
  if (!objects.every((s): s is ObjectShape => s.kind === 'object' && s.index === undefined)) return undefined;
  const fields = new Map<string, Field>();
  for (const object of objects) {
    for (const field of object.fields) {
      const held = fields.get(field.name);
      if (!held) fields.set(field.name, field);
      else if (JSON.stringify(held.shape) !== JSON.stringify(field.shape)) return undefined;
      else fields.set(field.name, both(held, field));
    }
  }
  const shape: ObjectShape = { kind: 'object', fields: [...fields.values()] };
  const strictest = objects.reduce<ObjectShape | undefined>((acc, o) => (o.policy && (!acc?.policy || STRICTNESS[o.policy] > STRICTNESS[acc.policy]) ? o : acc), undefined);
  if (strictest?.policy) shape.policy = strictest.policy;
  if (strictest?.policyLoc) shape.policyLoc = strictest.policyLoc;
  const checks = objects.flatMap((o) => o.checks ?? []);
  if (checks.length) shape.checks = checks;
  const read: Read = { shape };
  // The input itself may be left out only when every parser takes no value.
  if (reads.every((r) => r.optional === true || r.defaulted === true)) read.optional = true;
  return read;
}

/** One key read by two parsers: absent only when both let it be; a default only when neither requires it. */
function both(a: Field, b: Field): Field {
  const absentOk = (f: Field) => f.optional || f.defaulted === true;
  const field: Field = { ...a };
  if (absentOk(a) && absentOk(b)) {
    field.optional = a.optional && b.optional;
    if (a.defaulted || b.defaulted) field.defaulted = !field.optional;
    if (!field.defaulted) delete field.defaulted;
  } else {
    field.optional = false;
    delete field.defaulted;
  }
  return field;
}
