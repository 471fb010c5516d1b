import { liveLabel } from '../baseline/resolve-window';
import type { ResolvedBaseline } from '../baseline/resolve-baseline';
import type { LiveRef } from '../engine/finding';
import type { Finding } from '../rules';
import type { CheckResult } from './check-result';

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** Whether the check looked at more than one baseline, so each finding must say which ones it concerns. */
export const checksWindow = (result: Pick<CheckResult, 'window' | 'persistedRange'>): boolean =>
  (result.window?.length ?? 1) > 1 || (result.persistedRange?.length ?? 0) > 0;

/**
 * The baselines a finding breaks against, in words: "against deploy/eu (v1.4.0) and deploy/us (v1.3.2)", then,
 * for a persisted contract, how far back stored data it cannot read goes ("data persisted since v1.0.0 (the
 * oldest version it reaches)"). Undefined when the finding names none.
 */
export function againstInWords(against: readonly LiveRef[] | undefined): string | undefined {
  if (!against?.length) return undefined;
  const live = against.filter((r) => !r.persisted).map((r) => r.label);
  const persisted = against.filter((r) => r.persisted);
  const parts: string[] = [];
  if (live.length) parts.push(`against ${listInWords(live)}`);
  // The persisted range is resolved oldest first, so its first entry is the oldest data the break reaches.
  if (persisted.length) parts.push(`${live.length ? 'and ' : ''}against data persisted since ${persisted[0]!.label} (the oldest version it reaches; ${persisted.length} persisted version${persisted.length === 1 ? '' : 's'} in all)`);
  return parts.join(' ');
}

/** The oldest persisted version a finding reaches, when it reaches any. */
export const oldestPersisted = (against: readonly LiveRef[] | undefined): LiveRef | undefined => against?.find((r) => r.persisted);

/** "3 live versions: deploy/eu (v1.4.0), deploy/us (v1.3.2) and deployed (v1.4.0)". */
export function windowInWords(window: readonly ResolvedBaseline[]): string {
  return `${window.length} live version${window.length === 1 ? '' : 's'}: ${listInWords(window.map(liveLabel))}`;
}

/** Breaks something and is not a notice (a deprecated field's planned removal): what fails a check. */
export const isBreaking = (f: Pick<Finding, 'breaks' | 'severity'>): boolean => f.breaks.length > 0 && f.severity !== 'info';

/**
 * What the rollout plan gets: the breaking findings, where one found only against persisted data has no safe
 * order (the stored data is there whatever is upgraded first), so the plan splits it over two releases.
 */
export function planChanges<F extends Pick<Finding, 'breaks' | 'severity' | 'order'> & { against?: readonly LiveRef[] }>(findings: readonly F[]): F[] {
  return findings.filter(isBreaking).map((f) => (f.against?.length && f.against.every((r) => r.persisted) ? { ...f, order: 'none' as const } : f));
}
