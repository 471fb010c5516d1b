import type { IgnoreEntry } from '../contracts/source';
import { rules as allRules } from '../rules';
import suppressionMissingReason from '../rules/suppression-missing-reason';
import { safeOrder, sortDirections, type Direction, type Finding } from './finding';
import { ignoreMatcher } from './ignore';
import { contractCanonical, walkPairs, type PairVisitor, type Position } from './pairs';
import { readable } from './readable';
import type { Report, Rule, RuleContext } from './rule';
import type { Shape, Suppression, WireModel } from './shape';
import { show } from './show';
import { ContainerIndex } from './reach';

export interface CompareOptions {
  ignore?: readonly IgnoreEntry[];
  rules?: readonly Rule[];
  /** Readers reject unknown fields (a strict decoder), so added writer fields break them. */
  strictReaders?: boolean;
}

export interface Comparison {
  findings: Finding[];
  suppressed: Finding[];
  /** Contracts whose wire shape differs at all, breaking or not. */
  changed: string[];
}


/** Compares two versions' wire models: every rule sees every matched pair. Pure: no I/O. */
export function compareModels(oldModel: WireModel, newModel: WireModel, options: CompareOptions = {}): Comparison {
  const rules = options.rules ?? allRules;
  const raw: { finding: Finding; suppressions: Suppression[] }[] = [];
  const env = (writer: WireModel, reader: WireModel) => ({ writer, reader, strictReaders: options.strictReaders });

  const contextFor = (rule: Rule, at: Position): RuleContext => ({
    contract: at.contract,
    contractKind: at.contractKind,
    path: at.path,
    flow: at.flow,
    oldModel,
    newModel,
    oldReadableByNew: (o: Shape, n: Shape) => readable(o, n, env(oldModel, newModel)),
    newReadableByOld: (n: Shape, o: Shape) => readable(n, o, env(newModel, oldModel)),
    show,
    report: (r: Report) => {
      const breaks = contractDirections(r, at.flow);
      if (breaks.length === 0) return;
      raw.push({
        finding: {
          rule: rule.meta.id,
          contract: at.contract,
          contractKind: at.contractKind,
          path: at.path + (r.subPath ?? ''),
          breaks,
          order: safeOrder(breaks, at.contractKind),
          severity: rule.meta.severity,
          message: r.message,
          loc: r.loc ?? at.loc,
          baselineLoc: r.baselineLoc ?? at.baselineLoc,
        },
        suppressions: at.suppressions,
      });
    },
  });

  const dispatch =
    <K extends keyof Rule & keyof PairVisitor>(hook: K) =>
    (pair: unknown, at: Position) => {
      for (const rule of rules) {
        const fn = rule[hook] as ((p: unknown, c: RuleContext) => void) | undefined;
        fn?.call(rule, pair, contextFor(rule, at));
      }
    };

  const visitor: PairVisitor = {
    contract: dispatch('contract'),
    field: dispatch('field'),
    enumMember: dispatch('enumMember'),
    variant: dispatch('variant'),
    value: dispatch('value'),
    method: dispatch('method'),
    param: dispatch('param'),
    nested: () => {},
  };
  walkPairs(oldModel, newModel, visitor);

  const containers = new ContainerIndex([newModel, oldModel]);
  const ignored = ignoreMatcher(options.ignore ?? [], new Set(allRules.map((r) => r.meta.id)));
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const { finding, suppressions } of raw) {
    const affects = containers.containersOf(finding.contract);
    if (affects.length) finding.affects = affects;
    const comment = suppressions.find((s) => s.rule === finding.rule);
    if (comment && comment.reason.trim()) {
      finding.suppressed = { reason: comment.reason.trim(), by: 'comment' };
    } else if (comment) {
      findings.push(missingReason(finding, comment));
    }
    const config = finding.suppressed ? undefined : ignored(finding);
    if (config) finding.suppressed = { reason: config.reason, by: 'config' };
    (finding.suppressed ? suppressed : findings).push(finding);
  }
  return { findings: dedupe(findings), suppressed: dedupe(suppressed), changed: changedContracts(oldModel, newModel) };
}

function contractDirections(r: Report, flow: Position['flow']): Direction[] {
  // A result is written by the callee: for `old-to-new` (old caller, new callee) the new version writes it.
  const [o2n, n2o] = flow === 'result' ? [r.newToOld, r.oldToNew] : [r.oldToNew, r.newToOld];
  const dirs: Direction[] = [];
  if (o2n) dirs.push('old-to-new');
  if (n2o) dirs.push('new-to-old');
  return sortDirections(dirs);
}

function missingReason(finding: Finding, comment: Suppression): Finding {
  return {
    ...finding,
    rule: suppressionMissingReason.meta.id,
    severity: suppressionMissingReason.meta.severity,
    message: `\`skew-ignore ${comment.rule}\` has no reason, so it does not silence ${finding.rule}; write \`// skew-ignore ${comment.rule}: <why this is safe>\`.`,
    loc: comment.loc,
  };
}

/** For each contract, the other contracts whose wire shape contains it. */
function changedContracts(oldModel: WireModel, newModel: WireModel): string[] {
  const names = new Set([...Object.keys(oldModel.contracts), ...Object.keys(newModel.contracts)]);
  return [...names]
    .filter((name) => {
      const o = oldModel.contracts[name];
      const n = newModel.contracts[name];
      return !o || !n || o.kind !== n.kind || contractCanonical(o, oldModel) !== contractCanonical(n, newModel);
    })
    .sort();
}

/** The same untagged type reached twice from one root reports once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}|${f.contract}|${f.path}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
