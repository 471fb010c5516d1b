import type { Finding } from '../rules';
import type { Range } from '../engine/shape';
import type { CheckResult } from './check-result';
import { liveLabel } from '../baseline/resolve-window';
import { rollbackOf, type Rollback } from './rollback';
import type { ResolvedBaseline } from '../baseline/resolve-baseline';

/** The stable JSON shape of one finding; keys and their order are part of the CLI's contract with tools. */
export interface JsonFinding {
  rule: string;
  contract: string;
  path: string;
  breaks: string[];
  order: string;
  severity: string;
  message: string;
  file: string | null;
  range: Range | null;
  baselineFile: string | null;
  baselineRange: Range | null;
  /** Present once the finding left the engine (every `skew check`): what `skew accept` takes. */
  fingerprint?: string;
  /** When more than one baseline was checked: the ones it breaks against. */
  against?: { ref: string; commit: string; label: string; persisted?: boolean }[];
  accepted?: { reason: string; until?: string; expired?: boolean };
  /** The contract's two ends in its library's words (`producer`, `worker`), when an adapter named them. */
  roles?: { caller: string; callee: string };
}

export interface JsonVersion {
  ref: string;
  commit: string;
  label: string;
  version?: string;
}

export interface JsonReport {
  baseline: { ref: string; commit: string };
  findings: JsonFinding[];
  suppressed: (JsonFinding & { reason: string })[];
  summary: { contracts: number; changed: number; breaking: number; suppressed: number };
  /** Every live version, when more than one is. */
  window?: JsonVersion[];
  /** The versions whose persisted data must stay readable (skew.json `persisted`), oldest first. */
  persistedRange?: JsonVersion[];
  /** Whether rolling back after this version wrote persisted data is safe; when skew.json `persisted` names a contract. */
  rollback?: Rollback;
}

export function toJsonFinding(f: Finding): JsonFinding {
  return {
    rule: f.rule,
    contract: f.contract,
    path: f.path,
    breaks: [...f.breaks],
    order: f.order,
    severity: f.severity,
    message: f.message,
    file: f.loc?.file ?? null,
    range: f.loc?.range ?? null,
    baselineFile: f.baselineLoc?.file ?? null,
    baselineRange: f.baselineLoc?.range ?? null,
    ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
    ...(f.against ? { against: f.against.map((r) => ({ ...r })) } : {}),
    ...(f.accepted ? { accepted: { ...f.accepted } } : {}),
    ...(f.roles ? { roles: { ...f.roles } } : {}),
  };
}

const jsonVersion = (b: ResolvedBaseline): JsonVersion => ({ ref: b.ref, commit: b.commit, label: liveLabel(b), ...(b.version ? { version: b.version } : {}) });

export function toJsonReport(result: CheckResult): JsonReport {
  return {
    baseline: { ref: result.baseline.ref, commit: result.baseline.commit },
    findings: result.findings.map(toJsonFinding),
    suppressed: result.suppressed.map((f) => ({ ...toJsonFinding(f), reason: f.suppressed?.reason ?? '' })),
    summary: { ...result.summary },
    ...(result.window && result.window.length > 1 ? { window: result.window.map(jsonVersion) } : {}),
    ...(result.persistedRange?.length ? { persistedRange: result.persistedRange.map(jsonVersion) } : {}),
    ...(result.persistedContracts?.length ? { rollback: rollbackOf(result) } : {}),
  };
}

/** Exactly one JSON document, newline-terminated. */
export function formatJson(result: CheckResult): string {
  return JSON.stringify(toJsonReport(result), null, 2) + '\n';
}
