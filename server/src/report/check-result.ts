import type { ResolvedBaseline } from '../baseline/resolve-baseline';
import type { SourceProblem } from '../common/errors';
import type { ModelPair, WireModel } from '../engine/shape';
import type { Finding } from '../rules';

/** What one check found: what the report formats render and the language server publishes. */
export interface CheckSummary {
  /** Contracts in either version. */
  contracts: number;
  /** Contracts whose wire shape differs at all. */
  changed: number;
  /** Findings that break at least one direction (not suppressed). */
  breaking: number;
  suppressed: number;
}

export interface CheckResult {
  root: string;
  /** The foremost live version (`window[0]`). */
  baseline: ResolvedBaseline;
  /** Every live version checked; absent means just `baseline`. */
  window?: ResolvedBaseline[];
  /** Versions whose persisted data must stay readable (skew.json `persisted`), oldest first. */
  persistedRange?: ResolvedBaseline[];
  /** Contracts skew.json `persisted` names, in either version. */
  persistedContracts?: string[];
  findings: Finding[];
  suppressed: Finding[];
  /** Non-fatal problems of the working tree (fatal ones are thrown as 'working-parse'). */
  problems: SourceProblem[];
  /** Working-tree files the contracts were built from (a change elsewhere cannot change the result). */
  files: string[];
  summary: CheckSummary;
}

/** A check with both wire models, which the report needs for witnesses. */
export interface CheckedWithModels {
  result: CheckResult;
  models?: ModelPair;
  /** Each baseline commit's model (the window may hold several). */
  baselineModels?: ReadonlyMap<string, WireModel>;
}
