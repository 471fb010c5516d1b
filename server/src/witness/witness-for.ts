import type { Direction, Finding } from '../engine/finding';
import { resolve } from '../engine/readable';
import { ruleById } from '../rules';
import { counterexample } from './counterexample';
import { codecEnvelopeWitness } from './codec-envelope';
import type { Codec, Field, Method, Refinement, ServiceContract, Shape, WireModel } from '../engine/shape';
import { methodAt } from '../engine/method-at';
import { requestShape, requestsOf } from '../engine/request-shape';
import type { Flow, PathStep } from '../engine/path-steps';
import { describeMisreading, enumMisreading, type Misreading } from './meaning';
import { describeMismatch, member, mismatches, validate, type Mismatch } from './validate';
import { ABSENT, samples, smallest } from './values';
import { opaqueChecks, probes } from './checks';
import { showCheck } from '../engine/refinements';
import { readerView, writerView } from '../engine/views';
import { isJsonValue, showValue } from './show-value';
import type { VersionName, WitnessResult } from './witness-result';

export type { VersionName, Witness, WitnessResult } from './witness-result';

type ObjectShape = Extract<Shape, { kind: 'object' }>;

/** A value for the whole contract with the differing part at `focusAt` (a JSON path like `$.items[0]`). */
interface Candidate {
  value: unknown;
  focusAt: string;
}

interface Side {
  model: WireModel;
  name: VersionName;
  side: 'old' | 'new';
}

const NEVER: Shape = { kind: 'never' };

/** Checks that call the user's function (zod `.refine()`, `.superRefine()`, `.check(fn)`, valibot `check`, `custom`). */
const CUSTOM_CHECKS = new Set(['refine', 'superRefine', 'check', 'custom', 'rawCheck']);

/**
 * A small value that the writing side of `finding` produces and the reading side rejects (JSON, or what the
 * contract's codec carries besides), built from the two wire shapes at the finding's path and checked with
 * `validate` before it is returned. A finding that breaks both ways gets one direction (the first that has a
 * witness). When no value shows the break honestly
 * (a Date, an enum value that only changes meaning, a method missing on the writing side) it says why.
 */
export function witnessFor(finding: Finding, oldModel: WireModel, newModel: WireModel): WitnessResult {
  // Some rules know no value can show their break (a Date arrives as a string either way under JSON).
  const meta = ruleById(finding.rule)?.meta;
  const noWitness = meta?.noWitness;
  if (noWitness) return { none: typeof noWitness === 'string' ? noWitness : noWitness(codecOfFinding(finding, oldModel, newModel)) };
  if (meta?.witness === 'codec-envelope') return codecEnvelopeWitness(finding, oldModel, newModel);
  const reasons: string[] = [];
  // Under a codec that carries more than JSON, the direction whose value only that codec carries (a Date where
  // the other side reads a string) says more about the break than the plain JSON value of the other direction.
  const preferCodecValue = finding.breaks.length > 1 && codecOfFinding(finding, oldModel, newModel) !== 'json';
  let found: (WitnessResult & { value: unknown }) | undefined;
  for (const direction of finding.breaks) {
    const attempt = new Attempt(finding, direction, oldModel, newModel).run();
    if ('value' in attempt) {
      if (finding.breaks.length > 1) {
        attempt.explanation += ` (It breaks both directions; this value shows ${direction}.)`;
      }
      if (!preferCodecValue || !isJsonValue(attempt.value)) return attempt;
      found ??= attempt;
      continue;
    }
    reasons.push(`${direction}: ${attempt.none}`);
  }
  if (found) return found;
  const misreading = enumMisreading(finding.contract, finding.steps, oldModel, newModel);
  if (misreading) {
    for (const direction of finding.breaks) {
      const attempt = new Attempt(finding, direction, oldModel, newModel, misreading).run();
      if ('value' in attempt) return attempt;
    }
    return { none: `no value is rejected, but ${describeMisreading(misreading)}` };
  }
  return { none: reasons.join('; ') || 'the finding breaks no direction' };
}

/** The root contract's codec, as the rules use it; the baseline's when the contract is gone. */
const codecOfFinding = (finding: Finding, oldModel: WireModel, newModel: WireModel): Codec =>
  newModel.contracts[finding.contract]?.codec ?? oldModel.contracts[finding.contract]?.codec ?? 'json';

class Attempt {
  private readonly writer: Side;
  private readonly reader: Side;
  private readonly flow: Flow;
  private readonly root: string;
  private readonly steps: readonly PathStep[];
  /** The RPC method the value calls or returns from (a path naming only the service uses its first method). */
  private method: string | undefined;
  /** A step of the path found nothing to step into on the writing side. */
  private lost = false;
  /** Reader checks at the path that run the schema's own code (`.refine()`), which no value here can be tested against. */
  private readonly opaque: Refinement[] = [];
  /** The root contract's codec, as the rules use it: which values exist besides JSON's (a Date under superjson). */
  private readonly codec: Codec;

  constructor(
    private readonly finding: Finding,
    private readonly direction: Direction,
    private readonly oldModel: WireModel,
    private readonly newModel: WireModel,
    /** Set to look for a value both sides accept, with this enum value at the path, instead of a rejected one. */
    private readonly misreading?: Misreading,
  ) {
    this.root = finding.contract;
    this.steps = finding.steps;
    this.flow = finding.flow;
    this.codec = codecOfFinding(finding, oldModel, newModel);
    // A result is written by the callee: for old-to-new (old caller, new callee) that is this version.
    const oldWrites = this.flow === 'result' ? direction === 'new-to-old' : direction === 'old-to-new';
    // A schema writes its output and reads its input (engine/views.ts); plain models are their own views.
    const side = (model: WireModel, name: VersionName, which: 'old' | 'new', writes: boolean): Side => ({ model: writes ? writerView(model) : readerView(model), name, side: which });
    const oldSide = side(oldModel, 'baseline', 'old', oldWrites);
    const newSide = side(newModel, 'this version', 'new', !oldWrites);
    [this.writer, this.reader] = oldWrites ? [oldSide, newSide] : [newSide, oldSide];
  }

  run(): WitnessResult {
    const frame = this.finding.contractKind === 'service' ? this.service() : this.message();
    if ('none' in frame) return frame;
    const { writerRoot, readerRoot, candidates, readerMissing } = frame;
    if (candidates.length === 0 && this.lost) {
      // Not "nothing is rejected": the path itself could not be followed, so nothing was tried.
      return {
        none: `the path ${this.finding.path} does not lead to a value in ${this.writer.name === 'baseline' ? "the baseline's" : "this version's"} wire shapes`,
      };
    }
    const valid: { candidate: Candidate; related: Mismatch; others: Mismatch[] }[] = [];
    for (const candidate of candidates) {
      if (candidate.value === ABSENT) continue;
      if (!validate(candidate.value, writerRoot, this.writer.model, { exact: true, codec: this.codec }).ok) continue;
      if (this.misreading) {
        if (this.rejections(candidate.value, readerRoot).length === 0) {
          valid.push({ candidate, related: { at: candidate.focusAt, reason: '' }, others: [] });
        }
        continue;
      }
      const found = this.rejections(candidate.value, readerRoot);
      const related = found.find((m) => !m.unsafe && relatedPaths(m.at, candidate.focusAt));
      if (!related) continue;
      valid.push({ candidate, related, others: found.filter((m) => m !== related) });
    }
    if (valid.length === 0 && this.misreading) return { none: `no value written by ${this.writer.name} carries ${JSON.stringify(this.misreading.value)} there` };
    if (valid.length === 0 && this.opaque.length) {
      const custom = this.opaque.some((c) => CUSTOM_CHECKS.has(c.name));
      const why = custom ? "which runs the schema's own code" : 'which the witness search does not evaluate';
      return { none: `${this.reader.name} checks ${this.opaque.map(showCheck).join(', ')} here, ${why}: no value can be shown to fail it without running it` };
    }
    if (valid.length === 0) return { none: `no value written by ${this.writer.name} at this path is rejected by ${this.reader.name}` };
    // Prefer a value the reader rejects only for this change, then the smallest.
    valid.sort((a, b) => a.others.length - b.others.length || size(a.candidate.value) - size(b.candidate.value));
    const best = valid[0]!;
    return {
      kind: this.misreading ? 'misread' : 'rejected',
      value: best.candidate.value,
      writer: this.writer.name,
      direction: this.direction,
      explanation: this.explain(best.related, best.others, readerMissing),
    };
  }

  private message(): Frame | { none: string } {
    if (!this.writer.model.contracts[this.root]) return { none: `${this.writer.name} has no ${this.root} to write` };
    const readerHas = !!this.reader.model.contracts[this.root];
    const ref: Shape = { kind: 'ref', name: this.root };
    return {
      writerRoot: ref,
      readerRoot: readerHas ? ref : NEVER,
      readerMissing: readerHas ? undefined : this.root,
      candidates: this.descend(0, ref, readerHas ? ref : undefined, '$'),
    };
  }

  private service(): Frame | { none: string } {
    const wS = serviceIn(this.writer.model, this.root);
    if (!wS) return { none: `${this.writer.name} has no ${this.root}` };
    const rS = serviceIn(this.reader.model, this.root);
    const first = this.steps[0];
    const { method: wM, rest } = methodAt(wS, this.steps, this.writer.side);
    if (!wM) return { none: `${this.writer.name} has no method ${first?.kind === 'method' ? first.name : ''} to call`.replace(/ {2}/, ' ') };
    this.method = wM.name;
    const reader = rS ? methodAt(rS, this.steps, this.reader.side) : undefined;
    const rM = reader?.method;
    // An overload the reader lacks: its server still takes any call one of its other overloads accepts.
    const servedBy = !rM && reader && reader.overloads.length > 0 && this.steps[1]?.kind === 'overload' ? reader.overloads : undefined;
    const readerMissing = rM || servedBy ? undefined : rS ? `${this.root}.${wM.name}` : this.root;
    // Steps below the method start here in the finding's path.
    const below = this.steps.length - rest.length;
    const next = rest[0];
    if (next?.kind === 'result') {
      return {
        writerRoot: wM.result,
        readerRoot: rM ? rM.result : NEVER,
        readerMissing,
        candidates: this.descend(below + 1, wM.result, rM?.result, '$'),
      };
    }
    const writerRoot = requestShape(wM);
    const readerRoot = rM ? requestShape(rM) : servedBy ? requestsOf(servedBy) : NEVER;
    if (!next) {
      const params = this.commonParams(wM, rM, wM.params.length);
      const candidates = params ? [{ value: params, focusAt: '$' }] : [];
      // Calls that vary one argument at a time, for a reader whose other overloads accept the plainest call.
      if (servedBy && params) {
        wM.params.forEach((p, i) => {
          for (const v of samples(p.shape, this.writer.model, this.codec)) candidates.push({ value: params.map((x, k) => (k === i ? v : x)), focusAt: '$' });
        });
      }
      return { writerRoot, readerRoot, readerMissing, candidates };
    }
    if (next.kind !== 'param') return { none: `the path ${this.finding.path} does not name a parameter or result` };
    const index = next.index;
    const wP = wM.params[index];
    const rP = rM?.params[index];
    const inner = this.descend(below + 1, wP?.shape, rP?.shape, `$[${index}]`, wP?.optional ?? false);
    const out: Candidate[] = [];
    for (const c of inner) {
      const before = this.commonParams(wM, rM, index);
      if (!before) continue;
      if (c.value === ABSENT) {
        out.push({ value: before, focusAt: '$' });
        continue;
      }
      const after: unknown[] = [];
      for (let i = index + 1; i < wM.params.length && !wM.params[i]!.optional; i++) {
        const v = this.common(wM.params[i]!.shape, rM?.params[i]?.shape);
        if (v === ABSENT) break;
        after.push(v);
      }
      out.push({ value: [...before, c.value, ...after], focusAt: c.focusAt });
    }
    return { writerRoot, readerRoot, readerMissing, candidates: out };
  }

  private commonParams(wM: Method, rM: Method | undefined, count: number): unknown[] | undefined {
    const values: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const v = this.common(wM.params[i]!.shape, rM?.params[i]?.shape);
      if (v === ABSENT) return undefined;
      values.push(v);
    }
    return values;
  }

  /**
   * Candidates for the value at step `i` whose part at the end of the path varies. Everything around the
   * differing part is chosen so the reader accepts it where it can, so the rejection comes from the change.
   */
  private descend(i: number, w: Shape | undefined, r: Shape | undefined, at: string, optionalHere = false): Candidate[] {
    const last = i === this.steps.length;
    if (!w) {
      if (last) return [{ value: ABSENT, focusAt: at }];
      this.lost = true;
      return [];
    }
    if (last) {
      const values = samples(w, this.writer.model, this.codec).map((value) => ({ value, focusAt: at }));
      // A reader's checks are crossed on purpose: values just past each bound, each format broken.
      const rr = r && resolve(r, this.reader.model);
      const readerChecks = rr && 'checks' in rr ? rr.checks : undefined;
      if (readerChecks) {
        this.opaque.push(...opaqueChecks(readerChecks));
        for (const value of probes(readerChecks, values[0]?.value)) values.push({ value, focusAt: at });
      }
      // When no plain sample is rejected, steer one until it is (see counterexample.ts).
      if (r && !this.misreading && !values.some((c) => this.rejections(c.value, r).length > 0)) {
        const steered = counterexample(w, r, { writer: this.writer.model, reader: this.reader.model, codec: this.codec });
        if (steered) values.unshift({ value: steered.value, focusAt: at });
      }
      return optionalHere ? [{ value: ABSENT, focusAt: at }, ...values] : values;
    }
    const step = this.steps[i]!;
    const wr = resolve(w, this.writer.model);
    const rr = r ? resolve(r, this.reader.model) : undefined;
    if (wr.kind === 'union' && step.kind !== 'variant') {
      return wr.variants.flatMap((v) => this.descend(i, v, pickVariant(rr, step, this.reader.model), at, optionalHere));
    }
    switch (step.kind) {
      case 'variant': {
        const wv = variantWithTag(wr, step.tag, step.value, this.writer.model);
        const rv = rr ? variantWithTag(rr, step.tag, step.value, this.reader.model) : undefined;
        return wv ? this.descend(i + 1, wv, rv, at, optionalHere) : [];
      }
      case 'enum-member': {
        if (wr.kind !== 'enum') return this.lose();
        if (i + 1 !== this.steps.length) return [];
        const value = this.misreading ? this.misreading.value : wr.members.find((x) => x.key === step.key)?.value;
        return value !== undefined && wr.members.some((x) => x.value === value) ? [{ value, focusAt: at }] : [];
      }
      case 'field':
        if (wr.kind !== 'object') return this.lose();
        return this.field(i, wr, asObject(rr, step.name, this.reader.model), step.name, at);
      case 'element': {
        if (wr.kind !== 'array') return this.lose();
        const re = rr?.kind === 'array' ? rr.element : undefined;
        return this.descend(i + 1, wr.element, re, `${at}[0]`)
          .filter((c) => c.value !== ABSENT)
          .map((c) => ({ value: [c.value], focusAt: c.focusAt }));
      }
      case 'tuple':
        return wr.kind === 'tuple' ? this.position(i, wr, rr, step.index, at) : this.lose();
      case 'index': {
        if (wr.kind !== 'object' || !wr.index) return this.lose();
        const ro = rr?.kind === 'object' ? rr : undefined;
        let key = 'key';
        while (wr.fields.some((f) => f.name === key)) key += '_';
        const base = this.siblings(wr, ro, undefined);
        if (!base) return [];
        return this.descend(i + 1, wr.index, ro?.index, `${at}${member(key)}`)
          .filter((c) => c.value !== ABSENT)
          .map((c) => ({ value: { ...base, [key]: c.value }, focusAt: c.focusAt }));
      }
      default:
        return this.lose();
    }
  }

  private lose(): Candidate[] {
    this.lost = true;
    return [];
  }

  private field(i: number, w: ObjectShape, r: ObjectShape | undefined, name: string, at: string): Candidate[] {
    const wf = w.fields.find((f) => f.name === name);
    const rf = r?.fields.find((f) => f.name === name);
    const base = this.siblings(w, r, name);
    if (!base) return [];
    // A key the writer no longer declares may still be written through its index signature.
    const written = wf?.shape ?? (i + 1 === this.steps.length ? w.index : undefined);
    const inner = this.descend(i + 1, written, written ? rf?.shape : undefined, `${at}${member(name)}`, wf?.optional ?? true);
    return inner.map((c) => ({
      value: c.value === ABSENT ? { ...base } : { ...base, [name]: c.value },
      // An absent field is reported where it should be, which is the focus itself.
      focusAt: c.focusAt,
    }));
  }

  private position(i: number, w: Extract<Shape, { kind: 'tuple' }>, r: Shape | undefined, index: number, at: string): Candidate[] {
    const el = w.elements[index];
    const rEls = r?.kind === 'tuple' ? r.elements : undefined;
    const before: unknown[] = [];
    for (let k = 0; k < index; k++) {
      const v = this.common(w.elements[k]!.shape, rEls?.[k]?.shape);
      if (v === ABSENT) return [];
      before.push(v);
    }
    return this.descend(i + 1, el?.shape, rEls?.[index]?.shape, `${at}[${index}]`, el?.optional ?? false).map((c) => ({
      value: c.value === ABSENT ? before : [...before, c.value],
      focusAt: c.value === ABSENT ? at : c.focusAt,
    }));
  }

  /** The writer's required fields other than `except`, each with a value the reader also accepts where one exists. */
  private siblings(w: ObjectShape, r: ObjectShape | undefined, except: string | undefined): Record<string, unknown> | undefined {
    const value: Record<string, unknown> = {};
    for (const f of w.fields) {
      if (f.optional || f.name === except) continue;
      const v = this.common(f.shape, readerField(r, f)?.shape);
      if (v === ABSENT) return undefined;
      value[f.name] = v;
    }
    return value;
  }

  private common(w: Shape, r: Shape | undefined): unknown {
    if (r) {
      const shared = samples(w, this.writer.model, this.codec).find((v) => validate(v, r, this.reader.model, { codec: this.codec }).ok);
      if (shared !== undefined) return shared;
    }
    return smallest(w, this.writer.model, this.codec);
  }

  private explain(related: Mismatch, others: Mismatch[], readerMissing: string | undefined): string {
    const W = capitalise(this.writer.name);
    const what =
      this.flow === 'request'
        ? `${W} calls ${this.root}${this.methodSuffix()} with these parameters`
        : this.flow === 'result'
          ? `${W}'s ${this.root}${this.methodSuffix()} returns this result`
          : `${W} writes this ${this.root}`;
    const who =
      this.flow === 'request'
        ? `${this.reader.name === 'baseline' ? 'a baseline' : "this version's"} server`
        : this.flow === 'result'
          ? `${this.reader.name === 'baseline' ? 'a baseline' : "this version's"} client`
          : this.reader.name === 'baseline' ? 'a baseline reader' : 'this version';
    if (this.misreading) return `${what}; ${who} accepts it, but ${describeMisreading(this.misreading)}.`;
    const why = readerMissing ? `${this.reader.name} has no ${readerMissing}` : describeMismatch(related);
    const extra = others.length ? ` It is also rejected for another change (${describeMismatch(others[0]!)}).` : '';
    return `${what}; ${who} cannot read it: ${why}.${extra}`;
  }

  private rejections(value: unknown, reader: Shape): Mismatch[] {
    return mismatches(value, reader, this.reader.model, { codec: this.codec });
  }

  private methodSuffix(): string {
    return this.method ? `.${this.method}` : '';
  }
}

interface Frame {
  writerRoot: Shape;
  readerRoot: Shape;
  /** Set when the reader has no such contract or method at all. */
  readerMissing: string | undefined;
  candidates: Candidate[];
}

function serviceIn(model: WireModel, name: string): ServiceContract | undefined {
  const c = model.contracts[name];
  return c?.kind === 'service' ? c : undefined;
}

function readerField(r: ObjectShape | undefined, f: Field): Field | undefined {
  return r?.fields.find((x) => x.name === f.name);
}

/** The object a field step goes into on the reading side: itself, or the union variant that has the field. */
function asObject(shape: Shape | undefined, field: string, model: WireModel): ObjectShape | undefined {
  if (!shape) return undefined;
  const s = resolve(shape, model);
  if (s.kind === 'object') return s;
  if (s.kind !== 'union') return undefined;
  const objects = s.variants.map((v) => resolve(v, model)).filter((v): v is ObjectShape => v.kind === 'object');
  return objects.find((o) => o.fields.some((f) => f.name === field)) ?? objects[0];
}

function pickVariant(shape: Shape | undefined, step: PathStep, model: WireModel): Shape | undefined {
  if (!shape || shape.kind !== 'union') return shape;
  const kinds: Partial<Record<PathStep['kind'], string[]>> = { field: ['object'], 'enum-member': ['enum'], element: ['array'], tuple: ['tuple'], index: ['object'] };
  const wanted = kinds[step.kind] ?? [];
  const resolved = shape.variants.map((v) => resolve(v, model));
  if (step.kind === 'field') {
    const withField = resolved.find((v) => v.kind === 'object' && v.fields.some((f) => f.name === step.name));
    if (withField) return withField;
  }
  return resolved.find((v) => wanted.includes(v.kind));
}

function variantWithTag(shape: Shape, tag: string, value: unknown, model: WireModel): Shape | undefined {
  const variants = shape.kind === 'union' ? shape.variants : [shape];
  return variants
    .map((v) => resolve(v, model))
    .find((v) => v.kind === 'object' && v.fields.some((f) => f.name === tag && f.shape.kind === 'literal' && f.shape.value === value));
}

/** `$.a` and `$.a.b` are related (one contains the other); `$.a` and `$.ab` are not. */
function relatedPaths(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === short || (long.startsWith(short) && (long[short.length] === '.' || long[short.length] === '['));
}

const size = (v: unknown): number => showValue(v, false).text.length;
const capitalise = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
