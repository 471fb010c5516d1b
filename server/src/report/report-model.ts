import { describeHow, type ResolvedBaseline } from '../baseline/resolve-baseline';
import { liveLabel } from '../baseline/resolve-window';
import type { LiveRef } from '../engine/finding';
import { againstInWords, checksWindow, planChanges } from './live-versions';
import { rollbackOf, type Rollback } from './rollback';
import type { ContractKind, Direction, Order, Severity } from '../engine/finding';
import type { Finding, RuleId } from '../rules';
import type { ContractRoles, Range, WireModel } from '../engine/shape';
import { ruleDocUrl } from '../rules';
import type { CheckResult } from './check-result';
import { rules } from '../rules';
import { witnessFor, type VersionName } from '../witness/witness-for';
import { showValue } from '../witness/show-value';
import { rolloutPlan, type RolloutPlan } from './rollout-plan';
import { directionInWords, orderInWords } from './text';
import type { WorkingState } from './working-state';

/**
 * One plain, serialisable description of a check, built once and rendered by every view: Markdown, SARIF,
 * GitHub annotations, and (sent over LSP) the editor's webview. Renderers add no facts of their own.
 */
export interface ReportModel {
  /** Bumped when a renderer could misread an older model. */
  formatVersion: 1;
  root: string;
  baseline: ReportBaseline;
  workingTree: WorkingState;
  summary: ReportSummary;
  /** Contracts with at least one unsuppressed finding, by name. */
  contracts: ReportContract[];
  suppressed: ReportFinding[];
  plan: RolloutPlan;
  /** Every live version, when more than one is checked. */
  window?: ReportBaseline[];
  /** Versions whose persisted data must stay readable (skew.json `persisted`), oldest first. */
  persistedRange?: ReportBaseline[];
  /** Whether going back to the live versions after this one wrote persisted data is safe. */
  rollback?: Rollback;
}

export interface ReportBaseline {
  ref: string;
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  /** How the ref was chosen, in words ("picked the tag `deployed`"). */
  how: string;
}

export type DirectionGroup = 'old-to-new' | 'new-to-old' | 'both';

export interface ReportSummary {
  contractsChecked: number;
  contractsChanged: number;
  contractsWithFindings: number;
  findings: number;
  suppressed: number;
  /** Findings by the directions they break (only one way, or both) and severity. */
  byDirection: Record<DirectionGroup, Record<Severity, number>>;
}

export interface ReportLocation {
  /** Posix path relative to the project root. */
  file: string;
  range: Range;
}

export interface ReportWitness {
  /** `rejected`: the reader refuses the value; `misread`: both accept it but it means something else to each. */
  kind: 'rejected' | 'misread';
  /**
   * The value as pretty-printed JSON; with `notation: 'js'`, as the JavaScript that builds it, for a value holding
   * what only the contract's codec carries (`new Date("2024-01-01T00:00:00.000Z")`, `new Map()`, `1n`).
   */
  json: string;
  /** Set only when `json` is JavaScript rather than JSON. */
  notation?: 'js';
  writer: VersionName;
  direction: Direction;
  explanation: string;
}

export interface ReportFinding {
  /** Stable within one report (`f1`, `f2`, …), for links between the plan and the findings. */
  id: string;
  rule: RuleId;
  ruleDescription: string;
  docUrl: string;
  contract: string;
  contractKind: ContractKind;
  /** The contract's two ends in its library's words, when an adapter named them. */
  roles?: ContractRoles;
  path: string;
  severity: Severity;
  message: string;
  breaks: Direction[];
  directions: { direction: Direction; words: string }[];
  order: Order;
  orderWords: string;
  loc?: ReportLocation;
  baselineLoc?: ReportLocation;
  affects?: string[];
  witness: ReportWitness | { none: string };
  suppressed?: { reason: string; by: 'comment' | 'config' };
  fingerprint?: string;
  /** The baselines it breaks against, when more than one was checked. */
  against?: LiveRef[];
  /** `against` in words: "against deploy/eu (v1.4.0) and deploy/us (v1.3.2)". */
  againstWords?: string;
  accepted?: { reason: string; until?: string; expired?: boolean };
}

export interface ReportContract {
  name: string;
  kind: ContractKind;
  findings: ReportFinding[];
}

export interface ReportInput {
  result: CheckResult;
  /** Both wire models of the check; without them no witness can be built (and the report says so). */
  models?: { baseline: WireModel; working: WireModel };
  /** Each baseline commit's model, for witnesses of findings against a version other than the foremost. */
  baselineModels?: ReadonlyMap<string, WireModel>;
  workingTree?: WorkingState;
}

const descriptions = new Map<string, string>(rules.map((r) => [r.meta.id, r.meta.description]));

export function buildReport({ result, models, baselineModels, workingTree }: ReportInput): ReportModel {
  let next = 0;
  const multi = checksWindow(result);
  const toReport = (f: Finding): ReportFinding => {
    next++;
    // The witness is built against a version the finding breaks against: the foremost one may not be.
    const commit = f.against?.[0]?.commit;
    const own = commit && commit !== result.baseline.commit ? baselineModels?.get(commit) : undefined;
    const out = reportFinding(f, `f${next}`, own && models ? { baseline: own, working: models.working } : models);
    if (multi && f.against) {
      out.against = f.against.map((r) => ({ ...r }));
      const words = againstInWords(f.against);
      if (words) out.againstWords = words;
    }
    return out;
  };
  const findings = sortFindings(result.findings).map(toReport);
  const suppressed = sortFindings(result.suppressed).map(toReport);

  const contracts: ReportContract[] = [];
  for (const f of findings) {
    const last = contracts[contracts.length - 1];
    if (last?.name === f.contract) last.findings.push(f);
    else contracts.push({ name: f.contract, kind: f.contractKind, findings: [f] });
  }
  const zero = (): Record<Severity, number> => ({ error: 0, warning: 0, info: 0 });
  const byDirection: Record<DirectionGroup, Record<Severity, number>> = { 'old-to-new': zero(), 'new-to-old': zero(), both: zero() };
  for (const f of findings) {
    if (f.breaks.length === 0) continue;
    const group: DirectionGroup = f.breaks.length > 1 ? 'both' : f.breaks[0]!;
    byDirection[group][f.severity]++;
  }
  return {
    formatVersion: 1,
    root: result.root,
    baseline: { ref: result.baseline.ref, commit: result.baseline.commit, date: result.baseline.date, how: describeHow(result.baseline.how) },
    workingTree: workingTree ?? { repoPrefix: '' },
    summary: {
      contractsChecked: result.summary.contracts,
      contractsChanged: result.summary.changed,
      contractsWithFindings: contracts.length,
      findings: findings.length,
      suppressed: suppressed.length,
      byDirection,
    },
    contracts,
    suppressed,
    plan: rolloutPlan(planChanges(findings)),
    ...(result.window && result.window.length > 1 ? { window: result.window.map(reportBaseline) } : {}),
    ...(result.persistedRange?.length ? { persistedRange: result.persistedRange.map(reportBaseline) } : {}),
    ...(result.persistedContracts?.length ? { rollback: rollbackOf(result) } : {}),
  };
}

const reportBaseline = (b: ResolvedBaseline): ReportBaseline => ({ ref: liveLabel(b), commit: b.commit, date: b.date, how: describeHow(b.how) });

function reportFinding(f: Finding, id: string, models: ReportInput['models']): ReportFinding {
  const out: ReportFinding = {
    id,
    rule: f.rule,
    ruleDescription: descriptions.get(f.rule) ?? '',
    docUrl: ruleDocUrl(f.rule),
    contract: f.contract,
    contractKind: f.contractKind,
    path: f.path,
    severity: f.severity,
    message: f.message,
    breaks: [...f.breaks],
    directions: f.breaks.map((direction) => ({ direction, words: directionInWords(direction, f.contractKind, f.contract, f.roles) })),
    order: f.order,
    orderWords: orderInWords(f.order, f.roles),
    witness: witnessOf(f, models),
  };
  if (f.roles) out.roles = { ...f.roles };
  if (f.loc) out.loc = { file: f.loc.file, range: f.loc.range };
  if (f.baselineLoc) out.baselineLoc = { file: f.baselineLoc.file, range: f.baselineLoc.range };
  if (f.affects?.length) out.affects = [...f.affects];
  if (f.suppressed) out.suppressed = { ...f.suppressed };
  if (f.fingerprint) out.fingerprint = f.fingerprint;
  if (f.accepted) out.accepted = { ...f.accepted };
  return out;
}

function witnessOf(f: Finding, models: ReportInput['models']): ReportFinding['witness'] {
  if (!models) return { none: 'the wire models were not available to build one' };
  try {
    const w = witnessFor(f, models.baseline, models.working);
    if ('none' in w) return { none: w.none };
    const shown = showValue(w.value);
    const out: ReportWitness = { kind: w.kind ?? 'rejected', json: shown.text, writer: w.writer, direction: w.direction, explanation: w.explanation };
    if (shown.notation === 'js') out.notation = 'js';
    return out;
  } catch (e) {
    // A witness is an illustration: a bug in building one must not cost the user the report.
    return { none: `building a witness failed (${(e as Error).message})` };
  }
}

/** By contract, then file position, then path, so the report reads like the code. */
function sortFindings(findings: readonly Finding[]): Finding[] {
  const line = (f: Finding) => f.loc?.range.start.line ?? f.baselineLoc?.range.start.line ?? -1;
  return [...findings].sort((a, b) => a.contract.localeCompare(b.contract) || line(a) - line(b) || a.path.localeCompare(b.path));
}

/** "deployed @ 1a2b3c4 (2024-05-01)". */
export function baselineLine(b: ReportBaseline): string {
  return `${b.ref} @ ${b.commit.slice(0, 7)}${b.date ? ` (${b.date.slice(0, 10)})` : ''}`;
}

/** "3 uncommitted changes on main @ 1a2b3c4", "clean: main @ 1a2b3c4", or undefined when git could not say. */
export function workingTreeLine(w: WorkingState): string | undefined {
  if (w.uncommitted === undefined) return undefined;
  const at = [w.branch, w.head?.slice(0, 7)].filter(Boolean).join(' @ ');
  const where = at ? ` on ${at}` : '';
  const unsaved = w.unsaved ? `, and ${w.unsaved} unsaved editor file${w.unsaved === 1 ? '' : 's'} (included in the check)` : '';
  if (w.uncommitted === 0) return `no uncommitted changes${where}${unsaved}`;
  return `${w.uncommitted} file${w.uncommitted === 1 ? '' : 's'} with uncommitted changes${where}${unsaved}`;
}
