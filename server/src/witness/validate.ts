import { matchesTemplate } from '../engine/template';
import { resolve } from '../engine/readable';
import { show } from '../engine/show';
import type { Codec, Field, Refinement, Shape, WireModel } from '../engine/shape';
import { carries, codecName } from '../engine/unsafe';
import { describeFailedCheck, failedCheck } from './checks';
import { aKind, codecValueKind, isCarried } from './codec-values';
import { showValue } from './show-value';

export interface ValidateOptions {
  /**
   * Only values this shape can *produce*: no fields it does not declare, and `void` only as null/absent.
   * A writer is checked this way; a reader is not (JSON readers ignore unknown fields by default).
   */
  exact?: boolean;
  /** How the value travels (JSON when absent): a Date is a value under superjson and none under JSON. */
  codec?: Codec;
}

export type Validation = { ok: true } | { ok: false; reason: string };

/** One reason a value does not fit, at a JSON path like `$.items[0].price`. */
export interface Mismatch {
  at: string;
  reason: string;
  /** The shape there is a value JSON cannot carry (Date, Map…): a mismatch of representation, not of data. */
  unsafe?: true;
}

/** Whether a value (JSON, or what the codec carries) fits a wire shape, refs resolved in `model`; the first reason when it does not. */
export function validate(value: unknown, shape: Shape, model: WireModel, options: ValidateOptions = {}): Validation {
  const found = mismatches(value, shape, model, options);
  return found.length === 0 ? { ok: true } : { ok: false, reason: describeMismatch(found[0]!) };
}

export const describeMismatch = (m: Mismatch): string => (m.at === '$' ? m.reason : `at ${m.at}: ${m.reason}`);

/** Every independent reason a value does not fit (a union counts as one place). */
export function mismatches(value: unknown, shape: Shape, model: WireModel, options: ValidateOptions = {}): Mismatch[] {
  const out: Mismatch[] = [];
  new Checker(model, options.exact ?? false, options.codec ?? 'json', out).check(value, shape, '$');
  return out;
}

const MAX_MISMATCHES = 32;

class Checker {
  constructor(
    private readonly model: WireModel,
    private readonly exact: boolean,
    private readonly codec: Codec,
    private readonly out: Mismatch[],
  ) {}

  check(value: unknown, shape: Shape, at: string): void {
    if (this.out.length >= MAX_MISMATCHES) return;
    const s = resolve(shape, this.model);
    const fail = (reason: string): void => {
      this.out.push({ at, reason });
    };
    switch (s.kind) {
      case 'any':
        return;
      case 'void':
        // A reader expecting nothing ignores what arrives; a writer of nothing sends null or nothing.
        if (this.exact && value !== undefined && value !== null) fail(`expected nothing, got ${brief(value)}`);
        return;
      case 'never':
        return fail(`nothing is accepted here, got ${brief(value)}`);
      case 'unsafe':
        if (this.codec === 'json') {
          this.out.push({ at, reason: `a ${s.what} does not survive JSON, so no JSON value is one`, unsafe: true });
        } else if (!carries(this.codec, s.what)) {
          this.out.push({ at, reason: `a ${s.what} does not survive ${codecName(this.codec)} as itself, so no value it carries is one`, unsafe: true });
        } else if (!isCarried(value, s.what)) {
          fail(`expected ${aKind(s.what)}, got ${brief(value)}`);
        }
        return;
      case 'string':
        if (typeof value !== 'string') fail(`expected string, got ${brief(value)}`);
        else if (s.template !== undefined && !matchesTemplate(s.template, value)) fail(`expected a string like \`${s.template}\`, got ${brief(value)}`);
        else this.checks(value, s.checks, at);
        return;
      case 'boolean':
        if (typeof value !== s.kind) fail(`expected ${s.kind}, got ${brief(value)}`);
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) fail(`expected number, got ${brief(value)}`);
        else this.checks(value, s.checks, at);
        return;
      case 'null':
        if (value !== null) fail(`expected null, got ${brief(value)}`);
        return;
      case 'literal':
        if (value !== s.value) fail(`expected ${JSON.stringify(s.value)}, got ${brief(value)}`);
        return;
      case 'enum':
        if (!s.members.some((m) => m.value === value)) {
          fail(`expected one of ${s.members.map((m) => JSON.stringify(m.value)).join(', ')}, got ${brief(value)}`);
        }
        return;
      case 'array':
        if (!Array.isArray(value)) return fail(`expected an array, got ${brief(value)}`);
        this.checks(value, s.checks, at);
        value.forEach((v, i) => this.check(v, s.element, `${at}[${i}]`));
        return;
      case 'tuple':
        return this.tuple(value, s, at);
      case 'object':
        return this.object(value, s, at);
      case 'union': {
        const fits = s.variants.some((v) => new Checker(this.model, this.exact, this.codec, []).fits(value, v, at));
        if (!fits) fail(`${brief(value)} matches none of ${show(s)}`);
        return;
      }
      case 'ref':
        // Only a cycle of bare aliases stays a ref after resolving: it describes no value.
        return fail(`the type ${s.name} describes no value`);
      case 'decoded':
        // Views (engine/views.ts) take decoders apart first; met here anyway, a writer produces the output and a reader takes the input.
        return this.check(value, this.exact ? s.output : s.input, at);
    }
  }

  /** A schema's checks that can be tested without running its code (witness/checks.ts). */
  private checks(value: unknown, checks: readonly Refinement[] | undefined, at: string): void {
    const failed = failedCheck(value, checks);
    if (failed) this.out.push({ at, reason: describeFailedCheck(failed, value) });
  }

  fits(value: unknown, shape: Shape, at: string): boolean {
    this.check(value, shape, at);
    return this.out.length === 0;
  }

  private tuple(value: unknown, s: Extract<Shape, { kind: 'tuple' }>, at: string): void {
    if (!Array.isArray(value)) return void this.out.push({ at, reason: `expected an array, got ${brief(value)}` });
    // A rest element may sit anywhere (`[number, ...string[], boolean]`): fixed elements after it match the end.
    const restAt = s.elements.findIndex((e) => e.rest);
    const head = restAt < 0 ? s.elements : s.elements.slice(0, restAt);
    const tail = restAt < 0 ? [] : s.elements.slice(restAt + 1);
    const rest = restAt < 0 ? undefined : s.elements[restAt];
    const required = head.filter((e) => !e.optional).length + tail.length;
    if (value.length < required) {
      this.out.push({ at, reason: `expected at least ${required} element${required === 1 ? '' : 's'}, got ${value.length}` });
      return;
    }
    if (!rest && value.length > head.length) {
      this.out.push({ at, reason: `expected at most ${head.length} elements, got ${value.length}` });
      return;
    }
    const tailStart = value.length - tail.length;
    value.forEach((v, i) => {
      const element = i >= tailStart ? tail[i - tailStart]! : i < head.length ? head[i]! : rest!;
      this.check(v, element.shape, `${at}[${i}]`);
    });
  }

  private object(value: unknown, s: Extract<Shape, { kind: 'object' }>, at: string): void {
    // A Map or a Date arrives as itself under superjson: a reader of a plain object gets none of its keys.
    if (typeof value !== 'object' || value === null || Array.isArray(value) || codecValueKind(value) !== undefined) {
      this.out.push({ at, reason: `expected an object, got ${brief(value)}` });
      return;
    }
    const record = value as Record<string, unknown>;
    const declared = new Map<string, Field>(s.fields.map((f) => [f.name, f]));
    for (const f of s.fields) {
      const here = `${at}${member(f.name)}`;
      // JSON drops `undefined`, so a key holding it is absent on the wire; `null` is a value.
      if (!Object.prototype.hasOwnProperty.call(record, f.name) || record[f.name] === undefined) {
        if (!f.optional) this.out.push({ at: here, reason: 'required field is missing' });
        continue;
      }
      this.check(record[f.name], f.shape, here);
    }
    for (const [key, v] of Object.entries(record)) {
      if (declared.has(key) || v === undefined) continue;
      if (s.index) this.check(v, s.index, `${at}${member(key)}`);
      else if (this.exact) this.out.push({ at: `${at}${member(key)}`, reason: 'field is not declared' });
      else if (s.policy === 'strict') this.out.push({ at: `${at}${member(key)}`, reason: 'the reader is strict and does not declare this key' });
    }
    this.checks(value, s.checks, at);
  }
}

export const member = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

function brief(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  const kind = codecValueKind(value);
  if (kind === 'bigint') return showValue(value).text;
  if (kind) return aKind(kind);
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
