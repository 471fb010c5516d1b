import type { IgnoreEntry } from '../common/source';
import { safeOrder, sortDirections, type Direction, type Finding } from './finding';
import { ignoreMatcher } from './ignore';
import { contractNames, walkRoot, type PairVisitor, type Position, type Unchanged } from './pairs';
import { readable } from './readable';
import { renderStep } from './path-steps';
import type { Report, Rule, RuleContext, RuleMeta } from './rule';
import type { Shape, Suppression, WireModel } from './shape';
import { show } from './show';
import { ContainerIndex } from './reach';
import { differenceFinder } from './difference-finder';
import { originOf, hasReaderAnnotations, readerView, writerView } from './views';
import { CompareMemo, type RawFinding } from './compare-memo';
import { Canon } from './canonical';
import { pushAll } from './push-all';
import { runNow, type Steps } from '../common/steps';

/** The rules a comparison runs; the engine knows none of them by name. */
export interface RuleSet {
  rules: readonly Rule[];
  /** Reports a `skew-ignore` comment without a reason (it silences nothing). */
  missingReason: RuleMeta;
  /** Every id `ignore` entries may name, to tell a misspelt one apart. */
  knownIds: ReadonlySet<string>;
}

export interface CompareOptions {
  ignore?: readonly IgnoreEntry[];
  /** Readers reject unknown fields (a strict decoder), so added writer fields break them. */
  strictReaders?: boolean;
  /** Kept by a caller that compares one baseline with successive working trees; see CompareMemo. */
  memo?: CompareMemo;
}

export interface Comparison {
  findings: Finding[];
  suppressed: Finding[];
  /** Contracts whose wire shape differs at all, breaking or not. */
  changed: string[];
}


/** Compares two versions' wire models: every rule sees every matched pair. Pure: no I/O. */
export function compareWith(ruleSet: RuleSet, oldModel: WireModel, newModel: WireModel, options: CompareOptions = {}): Comparison {
  return runNow(compareSteps(ruleSet, oldModel, newModel, options));
}

/**
 * One walk over a root. Models with schema annotations are walked twice (see views.ts): each direction with its
 * writing side's writer view and its reading side's reader view, keeping only that direction's reports. Rules
 * report in data-flow terms, so `keep` holds for RPC results too.
 */
interface Pass {
  oldModel: WireModel;
  newModel: WireModel;
  keep?: 'oldToNew' | 'newToOld';
  raw: RawFinding[];
  /** The directions a finding's report named before `keep` cut one: which pass's message says the most. */
  named: Map<RawFinding, Direction[]>;
}

/** The comparison as steps, one contract each (see common/steps.ts). */
export function* compareSteps(ruleSet: RuleSet, oldModel: WireModel, newModel: WireModel, options: CompareOptions = {}): Steps<Comparison> {
  const { rules } = ruleSet;
  // A message contract met inside another is compared, and reported, on its own (the walk stops there too):
  // a rule asking whether a value reads must not blame its container for that contract's changes.
  const nestedIn = (root: string) => (name: string) =>
    name !== root && oldModel.contracts[name]?.kind === 'message' && newModel.contracts[name]?.kind === 'message';
  const env = (writer: WireModel, reader: WireModel, root: string) => ({ writer, reader, strictReaders: options.strictReaders, nested: nestedIn(root) });

  // Rules run one at a time and report while they run: one context per position serves them all.
  let rule: Rule | undefined;
  const contextFor = (at: Position, pass: Pass): RuleContext => ({
    contract: at.contract,
    contractKind: at.contractKind,
    path: at.path,
    steps: at.steps,
    flow: at.flow,
    oldModel: pass.oldModel,
    newModel: pass.newModel,
    oldReadableByNew: (o: Shape, n: Shape) => readable(o, n, env(pass.oldModel, pass.newModel, at.contract)),
    newReadableByOld: (n: Shape, o: Shape) => readable(n, o, env(pass.newModel, pass.oldModel, at.contract)),
    strictReaders: options.strictReaders === true,
    show,
    report: (r: Report) => {
      const kept = pass.keep === 'oldToNew' ? { ...r, newToOld: false } : pass.keep === 'newToOld' ? { ...r, oldToNew: false } : r;
      const breaks = contractDirections(kept, at.flow);
      if (breaks.length === 0) return;
      const entry: RawFinding = {
        finding: {
          rule: rule!.meta.id,
          contract: at.contract,
          contractKind: at.contractKind,
          ...(at.roles ? { roles: at.roles } : {}),
          path: r.subPath ? at.path + r.subPath.map(renderStep).join('') : at.path,
          steps: r.subPath ? [...at.steps, ...r.subPath] : at.steps,
          flow: at.flow,
          breaks,
          order: safeOrder(breaks, at.contractKind),
          severity: rule!.meta.severity,
          message: r.message,
          loc: r.loc ?? at.loc,
          baselineLoc: r.baselineLoc ?? at.baselineLoc,
        },
        suppressions: at.suppressions,
      };
      pass.raw.push(entry);
      if (pass.keep) pass.named.set(entry, contractDirections(r, at.flow));
    },
  });

  const visitorFor = (pass: Pass): PairVisitor => {
    const dispatch =
      <K extends keyof Rule & keyof PairVisitor>(hook: K) =>
      (pair: unknown, at: Position) => {
        let ctx: RuleContext | undefined;
        for (const each of rules) {
          const fn = each[hook] as ((p: unknown, c: RuleContext) => void) | undefined;
          if (!fn) continue;
          ctx ??= contextFor(at, pass);
          rule = each;
          fn.call(each, pair, ctx);
        }
        rule = undefined;
      };
    return {
      contract: dispatch('contract'),
      field: dispatch('field'),
      enumMember: dispatch('enumMember'),
      variants: dispatch('variants'),
      value: dispatch('value'),
      node: dispatch('node'),
      method: dispatch('method'),
      param: dispatch('param'),
      nested: () => {
        // A nested contract is compared as a root of its own.
      },
    };
  };
  const pass = (o: WireModel, n: WireModel, keep?: Pass['keep']): Pass => ({ oldModel: o, newModel: n, keep, raw: [], named: new Map() });
  const passes =
    hasReaderAnnotations(oldModel) || hasReaderAnnotations(newModel, options.memo?.previousModel)
      ? [pass(writerView(oldModel), readerView(newModel), 'oldToNew'), pass(readerView(oldModel), writerView(newModel), 'newToOld')]
      : [pass(oldModel, newModel)];
  const visitors = passes.map(visitorFor);
  // Over views, two sides may look different where nothing changed (a decoder's output against its own input, a
  // named type with its policy on one side only): the walk goes below a pair only if the versions differ there.
  const canon = new Canon();
  const unchanged: Unchanged | undefined =
    passes.length === 1
      ? undefined
      : (o, n) => {
          // A contract's key is its name only (it is compared as a root of its own): the walk decides about those.
          if (o.kind === 'ref' && n.kind === 'ref') {
            return o.name === n.name && !oldModel.contracts[o.name] && !newModel.contracts[n.name] && canon.of(o, oldModel) === canon.of(n, newModel);
          }
          const od = originOf(o);
          const nd = originOf(n);
          return (od !== undefined || nd !== undefined) && canon.of(od ?? o, oldModel) === canon.of(nd ?? n, newModel);
        };

  const memo = options.memo;
  const containers = memo ? memo.containers(newModel, oldModel) : new ContainerIndex([newModel, oldModel]);
  memo?.begin(oldModel, newModel, rules, JSON.stringify([options.strictReaders ?? false]), containers);
  const all: RawFinding[] = [];
  const changed: string[] = [];
  const names = memo ? memo.names(oldModel, newModel) : contractNames(oldModel, newModel);
  const touched = differenceFinder(oldModel, newModel);
  for (const name of names) {
    yield;
    const recalled = memo?.recall(name);
    if (recalled) {
      pushAll(all, recalled.raw);
      if (recalled.changed) changed.push(name);
      continue;
    }
    for (const p of passes) {
      p.raw = [];
      p.named.clear();
    }
    const reaches = touched(name);
    if (reaches) passes.forEach((p, i) => walkRoot(p.oldModel, p.newModel, visitors[i]!, name, unchanged));
    const raw = passes.length === 2 ? mergePasses(passes[0]!, passes[1]!) : passes[0]!.raw;
    const isChanged = reaches && contractChanged(name, oldModel, newModel);
    if (isChanged) changed.push(name);
    memo?.remember(name, raw, isChanged);
    pushAll(all, raw);
  }
  memo?.retain(new Set(names));

  const ignored = ignoreMatcher(options.ignore ?? [], ruleSet.knownIds);
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const { finding, suppressions } of all) {
    // A container this version removed is not affected by anything: it is reported as removed, or not at all.
    const affects = containers.containersOf(finding.contract).filter((name) => newModel.contracts[name]);
    if (affects.length) finding.affects = affects;
    const comment = suppressions.find((s) => s.rule === finding.rule);
    if (comment?.reason.trim()) {
      finding.suppressed = { reason: comment.reason.trim(), by: 'comment' };
    } else if (comment) {
      findings.push(missingReason(ruleSet.missingReason, finding, comment));
    }
    const config = finding.suppressed ? undefined : ignored(finding);
    if (config) finding.suppressed = { reason: config.reason, by: 'config' };
    (finding.suppressed ? suppressed : findings).push(finding);
  }
  return { findings: dedupe(findings), suppressed: dedupe(suppressed), changed };
}

/**
 * One finding per rule and place from the two directions' walks: the directions join, and the message is the
 * one whose report named them all (each walk reads the other direction through views meant for its own).
 */
function mergePasses(first: Pass, second: Pass): RawFinding[] {
  const key = (r: RawFinding) => JSON.stringify([r.finding.rule, r.finding.steps]);
  const byKey = new Map<string, RawFinding>();
  for (const r of first.raw) if (!byKey.has(key(r))) byKey.set(key(r), r);
  const merged = [...first.raw];
  for (const r of second.raw) {
    const target = byKey.get(key(r));
    if (!target) {
      merged.push(r);
      continue;
    }
    const breaks = sortDirections([...target.finding.breaks, ...r.finding.breaks]);
    const covers = (named: Direction[] | undefined) => breaks.every((d) => named?.includes(d));
    if (!covers(first.named.get(target)) && covers(second.named.get(r))) target.finding.message = r.finding.message;
    target.finding.breaks = breaks;
    target.finding.order = safeOrder(breaks, target.finding.contractKind);
  }
  return merged;
}

function contractDirections(r: Report, flow: Position['flow']): Direction[] {
  // A result is written by the callee: for `old-to-new` (old caller, new callee) the new version writes it.
  const [o2n, n2o] = flow === 'result' ? [r.newToOld, r.oldToNew] : [r.oldToNew, r.newToOld];
  const dirs: Direction[] = [];
  if (o2n) dirs.push('old-to-new');
  if (n2o) dirs.push('new-to-old');
  return sortDirections(dirs);
}

function missingReason(meta: RuleMeta, finding: Finding, comment: Suppression): Finding {
  return {
    ...finding,
    rule: meta.id,
    severity: meta.severity,
    message: `\`skew-ignore ${comment.rule}\` has no reason, so it does not silence ${finding.rule}; write \`// skew-ignore ${comment.rule}: <why this is safe>\`.`,
    loc: comment.loc,
  };
}

/** Whether a contract's wire shape differs at all between the versions, breaking or not. */
function contractChanged(name: string, oldModel: WireModel, newModel: WireModel): boolean {
  const o = oldModel.contracts[name];
  const n = newModel.contracts[name];
  if (!o || !n || o.kind !== n.kind) return true;
  const canon = new Canon();
  return canon.ofContract(o, oldModel) !== canon.ofContract(n, newModel);
}

/** The same untagged type reached twice from one root reports once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    // Steps, not the rendered path: a parameter named `result` renders like the result.
    const key = JSON.stringify([f.rule, f.contract, f.steps, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
