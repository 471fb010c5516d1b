import type { Finding } from '../rules';
import type { Range } from '../engine/shape';
import type { CheckResult } from './check-result';

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
}

export interface JsonReport {
  baseline: { ref: string; commit: string };
  findings: JsonFinding[];
  suppressed: (JsonFinding & { reason: string })[];
  summary: { contracts: number; changed: number; breaking: number; suppressed: number };
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
  };
}

export function toJsonReport(result: CheckResult): JsonReport {
  return {
    baseline: { ref: result.baseline.ref, commit: result.baseline.commit },
    findings: result.findings.map(toJsonFinding),
    suppressed: result.suppressed.map((f) => ({ ...toJsonFinding(f), reason: f.suppressed?.reason ?? '' })),
    summary: { ...result.summary },
  };
}

/** Exactly one JSON document, newline-terminated. */
export function formatJson(result: CheckResult): string {
  return JSON.stringify(toJsonReport(result), null, 2) + '\n';
}
