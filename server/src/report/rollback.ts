import { liveLabel } from '../baseline/resolve-window';
import type { Finding } from '../rules';
import type { CheckResult } from './check-result';
import { expandContract } from './rollout-plan';

export interface RollbackItem {
  contract: string;
  path: string;
  rule: string;
  fingerprint?: string;
  /** Why going back loses data, in a sentence. */
  why: string;
  /** What the expand/contract split does about it. */
  plan: string;
}

export interface Rollback {
  /** The versions a rollback would return to: the live window. */
  to: string[];
  safe: boolean;
  /** One line: the verdict in words. */
  headline: string;
  unsafe: RollbackItem[];
  /** Persisted contracts checked (skew.json `persisted`); none means rollback was only checked for nothing. */
  persistedContracts: string[];
}

/**
 * Once this version has run and written persisted data (a queue, an event store), rolling back to a live version
 * means that version reads what this one wrote: every new-to-old break of a persisted contract is data the old
 * version cannot read. Whatever the upgrade order, so the rollout plan does not help; only splitting the change
 * does: a first release that reads the new shape but does not write it yet is a safe place to roll back to.
 */
export function rollbackOf(result: Pick<CheckResult, 'findings' | 'suppressed' | 'window' | 'baseline' | 'persistedContracts'>): Rollback {
  const persisted = new Set(result.persistedContracts ?? []);
  const to = (result.window ?? [result.baseline]).map(liveLabel);
  // An accepted break is still data the old version cannot read: acceptance ships it, it does not make rollback safe.
  const candidates = [...result.findings, ...result.suppressed.filter((f) => f.accepted)];
  const unsafe = candidates.filter((f) => persisted.has(f.contract) && f.breaks.includes('new-to-old') && breaksLive(f)).map(item);
  const headline = unsafe.length
    ? `Rollback to ${to.join(', ')} is unsafe once this version has written ${unique(unsafe.map((u) => u.contract)).join(', ')}`
    : persisted.size
      ? `Rollback to ${to.join(', ')} is safe: every persisted contract this version writes stays readable there`
      : `Rollback to ${to.join(', ')}: no persisted contracts are declared (skew.json "persisted"), so none was checked`;
  return { to, safe: unsafe.length === 0, headline, unsafe, persistedContracts: [...persisted] };
}

/** Breaks found only against the persisted range concern old data read by this version, not a rollback. */
const breaksLive = (f: Finding): boolean => !f.against || f.against.some((r) => !r.persisted);

function item(f: Finding): RollbackItem {
  const steps = expandContract(f);
  const out: RollbackItem = {
    contract: f.contract,
    path: f.path,
    rule: f.rule,
    why: `${f.path} (${f.rule}): data this version writes cannot be read by the version rolled back to`,
    plan: `release 1: ${steps.expand} Rolling back to release 1 is then safe. Release 2: ${steps.contract}`,
  };
  if (f.fingerprint) out.fingerprint = f.fingerprint;
  return out;
}

const unique = (xs: string[]): string[] => [...new Set(xs)];
