import type { Field, Literal, Shape, TupleElement, WireModel } from './shape';
import { matchesTemplate, templateCovers } from './template';

/**
 * The core relation of the model: can every value `writer` may produce be accepted, with the same meaning,
 * by `reader`? Each side's refs resolve in its own model.
 */
export interface ReadEnv {
  writer: WireModel;
  reader: WireModel;
  /**
   * Readers of plain types reject unknown fields (a strict decoder), so extra writer fields break them. An
   * object read by a schema says for itself (`ObjectShape.policy`), whatever this says.
   */
  strictReaders?: boolean;
  /** Names compared on their own elsewhere: the same name on both sides is taken as readable here. */
  nested?: (name: string) => boolean;
}

export function readable(writer: Shape, reader: Shape, env: ReadEnv): boolean {
  return new Reader(env).read(writer, reader);
}

/** Whether the reading object refuses a whole value for a key it does not declare (and has no index signature for). */
export function rejectsUnknownKeys(reader: Extract<Shape, { kind: 'object' }>, env: Pick<ReadEnv, 'strictReaders'>): boolean {
  return reader.policy ? reader.policy === 'strict' : env.strictReaders === true;
}

/** Resolves refs to their shapes; an unknown ref (should not happen) reads as `any`. */
export function resolve(shape: Shape, model: WireModel): Shape {
  let current = shape;
  for (let hops = 0; current.kind === 'ref' && hops < 64; hops++) {
    const target = model.types[current.name];
    if (!target) return { kind: 'any' };
    current = target.shape;
  }
  return current;
}

/** The finite set of values a shape allows, when it is one (literals, enums, boolean, null). */
export function valueSet(shape: Shape): Literal[] | 'null' | undefined {
  switch (shape.kind) {
    case 'literal':
      return [shape.value];
    case 'boolean':
      return [true, false];
    case 'enum':
      return shape.members.map((m) => m.value);
    default:
      return undefined;
  }
}

class Reader {
  /**
   * Pairs of refs under comparison, with their depth: assumed readable while we are inside them (coinduction),
   * so recursion ends.
   */
  private readonly assumed = new Map<string, number>();
  /**
   * Answers already known, so a named type reached many ways is compared once. `false` always holds; `true`
   * only when it did not lean on an assumption made further out (then it held only under that assumption).
   */
  private readonly known = new Map<string, boolean>();
  private lowestAssumption = Infinity;

  constructor(private readonly env: ReadEnv) {}

  read(w: Shape, r: Shape): boolean {
    if (w.kind === 'ref' && r.kind === 'ref' && w.name === r.name && this.env.nested?.(w.name)) return true;
    if (w.kind === 'ref' || r.kind === 'ref') {
      const key = `${w.kind === 'ref' ? w.name : JSON.stringify(w)}=>${r.kind === 'ref' ? r.name : JSON.stringify(r)}`;
      const known = this.known.get(key);
      if (known !== undefined) return known;
      const at = this.assumed.get(key);
      if (at !== undefined) {
        this.lowestAssumption = Math.min(this.lowestAssumption, at);
        return true;
      }
      const depth = this.assumed.size;
      const outer = this.lowestAssumption;
      this.assumed.set(key, depth);
      this.lowestAssumption = Infinity;
      let result: boolean;
      try {
        result = this.read(resolve(w, this.env.writer), resolve(r, this.env.reader));
      } finally {
        this.assumed.delete(key);
      }
      const leaned = this.lowestAssumption < depth;
      if (!result || !leaned) this.known.set(key, result);
      this.lowestAssumption = Math.min(outer, leaned ? this.lowestAssumption : Infinity);
      return result;
    }
    // Views (views.ts) take decoders apart before comparing; met here anyway, the writer sends the output
    // and the reader takes the input.
    if (w.kind === 'decoded') return this.read(w.output, r);
    if (r.kind === 'decoded') return this.read(w, r.input);
    if (r.kind === 'any') return true;
    if (w.kind === 'never') return true;
    if (w.kind === 'union') return w.variants.every((v) => this.read(v, r));
    // On a JSON wire an unknown value is still a JSON value: a reader that takes every JSON value reads it.
    if (w.kind === 'any') return readsEveryJsonValue(r, this.env.reader);
    if (r.kind === 'union') return this.readIntoUnion(w, r.variants);
    if (r.kind === 'void') return true; // a reader expecting nothing ignores what arrives
    return this.readSingle(w, r);
  }

  private readIntoUnion(w: Shape, variants: Shape[]): boolean {
    if (variants.some((v) => this.read(w, v))) return true;
    // `boolean` (or an enum) written into `true | false` (or the enum's literals): check value by value.
    const values = valueSet(w);
    if (Array.isArray(values) && w.kind !== 'literal') {
      return values.every((value) => variants.some((v) => this.read({ kind: 'literal', value }, v)));
    }
    return false;
  }

  private readSingle(w: Shape, r: Shape): boolean {
    switch (r.kind) {
      case 'string':
        if (r.template !== undefined) return readsIntoTemplate(w, r.template);
        if (w.kind === 'string') return true;
        if (w.kind === 'literal') return typeof w.value === 'string';
        if (w.kind === 'enum') return w.members.every((m) => typeof m.value === 'string');
        return false;
      case 'number':
      case 'boolean':
        if (w.kind === r.kind) return true;
        if (w.kind === 'literal') return typeof w.value === r.kind;
        if (w.kind === 'enum') return w.members.every((m) => typeof m.value === r.kind);
        return false;
      case 'null':
        return w.kind === 'null';
      case 'never':
        return false;
      case 'literal':
      case 'enum': {
        const accepted = valueSet(r) as Literal[];
        const written = valueSet(w);
        return Array.isArray(written) && written.every((v) => accepted.includes(v));
      }
      case 'object':
        return w.kind === 'object' && this.readObject(w, r);
      case 'array':
        if (w.kind === 'array') return this.read(w.element, r.element);
        if (w.kind === 'tuple') return w.elements.every((e) => this.read(e.shape, r.element));
        return false;
      case 'tuple':
        return w.kind === 'tuple' && this.readTuple(w.elements, r.elements);
      case 'unsafe':
        return w.kind === 'unsafe' && w.what === r.what;
      default:
        return false;
    }
  }

  private readObject(w: Extract<Shape, { kind: 'object' }>, r: Extract<Shape, { kind: 'object' }>): boolean {
    const written = new Map<string, Field>(w.fields.map((f) => [f.name, f]));
    for (const rf of r.fields) {
      const wf = written.get(rf.name);
      if (!wf) {
        // Absent unless the writer's index signature may produce that key.
        if (w.index && !this.read(w.index, rf.shape)) return false;
        if (!w.index && !rf.optional) return false;
        continue;
      }
      if (wf.optional && !rf.optional) return false;
      if (!this.read(wf.shape, rf.shape)) return false;
    }
    const readerKeys = new Set(r.fields.map((f) => f.name));
    const strict = rejectsUnknownKeys(r, this.env);
    for (const wf of w.fields) {
      if (readerKeys.has(wf.name)) continue;
      if (r.index) {
        if (!this.read(wf.shape, r.index)) return false;
      } else if (strict) {
        return false;
      }
    }
    if (w.index) {
      if (r.index) return this.read(w.index, r.index);
      if (strict) return false;
    }
    return true;
  }

  /**
   * Every array the writer's tuple can produce must fit the reader's tuple, element by element. A tuple is a
   * prefix (whose trailing elements may be optional), an optional rest, and a suffix after the rest; lengths
   * beyond one more than both fixed parts only add rest-against-rest pairs, so checking up to there is enough.
   */
  private readTuple(w: TupleElement[], r: TupleElement[]): boolean {
    const wp = tupleParts(w);
    const rp = tupleParts(r);
    const bound = Math.max(wp.prefix.length + wp.suffix.length, rp.prefix.length + rp.suffix.length) + 1;
    for (let length = wp.minLength; length <= (wp.rest ? bound : wp.prefix.length); length++) {
      if (!acceptsLength(rp, length)) return false;
      for (let i = 0; i < length; i++) {
        if (!this.read(elementAt(wp, length, i), elementAt(rp, length, i))) return false;
      }
    }
    return true;
  }
}

interface TupleParts {
  prefix: TupleElement[];
  rest?: Shape;
  suffix: TupleElement[];
  minLength: number;
}

function tupleParts(elements: TupleElement[]): TupleParts {
  const at = elements.findIndex((e) => e.rest);
  const prefix = at < 0 ? elements : elements.slice(0, at);
  const suffix = at < 0 ? [] : elements.slice(at + 1);
  const minLength = prefix.filter((e) => !e.optional).length + suffix.length;
  return { prefix, rest: at < 0 ? undefined : elements[at]!.shape, suffix, minLength };
}

function acceptsLength(t: TupleParts, length: number): boolean {
  return length >= t.minLength && (t.rest !== undefined || length <= t.prefix.length);
}

/** The shape of element `i` in an array of `length` elements that fits the tuple. */
function elementAt(t: TupleParts, length: number, i: number): Shape {
  const suffixStart = length - t.suffix.length;
  if (t.rest !== undefined && i >= suffixStart) return t.suffix[i - suffixStart]!.shape;
  if (i < t.prefix.length) return t.prefix[i]!.shape;
  return t.rest ?? { kind: 'never' };
}

/**
 * Whether `reader` accepts every JSON value (string, number, boolean, null, any object, any array), e.g.
 * `type JSONValue = string | number | boolean | null | { [k: string]: JSONValue } | JSONValue[]`. Recursive
 * aliases are assumed to accept while they are being checked, so `JSONValue` inside itself holds.
 */
export function readsEveryJsonValue(reader: Shape, model: WireModel, assumed = new Set<string>()): boolean {
  const variants: Shape[] = [];
  // Flatten unions and follow refs, remembering which names are being checked.
  const pending: Shape[] = [reader];
  const names: string[] = [];
  for (let shape = pending.pop(); shape; shape = pending.pop()) {
    if (shape.kind === 'ref') {
      if (assumed.has(shape.name)) return true;
      const target = model.types[shape.name];
      if (!target) return true; // an unknown ref reads as any (see resolve)
      names.push(shape.name);
      pending.push(target.shape);
    } else if (shape.kind === 'union') {
      for (const v of shape.variants) pending.push(v);
    } else {
      variants.push(shape);
    }
  }
  if (variants.some((v) => v.kind === 'any')) return true;
  const inner = new Set([...assumed, ...names]);
  const has = (kind: Shape['kind']) => variants.some((v) => v.kind === kind);
  const literal = (value: boolean) => variants.some((v) => v.kind === 'literal' && v.value === value);
  const booleans = has('boolean') || (literal(true) && literal(false));
  const objects = variants.some(
    (v) =>
      v.kind === 'object' &&
      v.fields.every((f) => f.optional && readsEveryJsonValue(f.shape, model, inner)) &&
      v.index !== undefined &&
      readsEveryJsonValue(v.index, model, inner),
  );
  const arrays = variants.some((v) => v.kind === 'array' && readsEveryJsonValue(v.element, model, inner));
  return has('string') && has('number') && booleans && has('null') && objects && arrays;
}

/** A template literal reader takes the strings that match it: a plain string writer may send any other. */
function readsIntoTemplate(w: Shape, template: string): boolean {
  if (w.kind === 'literal') return typeof w.value === 'string' && matchesTemplate(template, w.value);
  if (w.kind === 'enum') return w.members.every((m) => typeof m.value === 'string' && matchesTemplate(template, m.value));
  if (w.kind === 'string') return w.template !== undefined && templateCovers(template, w.template);
  return false;
}
