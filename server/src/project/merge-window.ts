import picomatch from 'picomatch';
import { liveLabel } from '../baseline/resolve-window';
import type { ResolvedBaseline } from '../baseline/resolve-baseline';
import type { PersistedConfig } from '../common/source';
import { fingerprintOf } from '../engine/fingerprint';
import type { LiveRef } from '../engine/finding';
import type { WireModel } from '../engine/shape';
import type { Comparison, Finding } from '../rules';

/** One baseline of the window with the working tree compared against it. */
export interface WindowComparison {
  baseline: ResolvedBaseline;
  /** In the persisted range only: it counts for persisted contracts read old-to-new, nothing else. */
  persisted: boolean;
  comparison: Comparison;
}

export interface MergedWindow {
  findings: Finding[];
  suppressed: Finding[];
  changed: Set<string>;
}

export const liveRef = (b: ResolvedBaseline, persisted: boolean): LiveRef =>
  persisted ? { ref: b.ref, commit: b.commit, label: liveLabel(b), persisted } : { ref: b.ref, commit: b.commit, label: liveLabel(b) };

/**
 * The window's findings, one per break: the same rule at the same structured path of the same contract, breaking
 * the same directions, found against several baselines is one finding naming each of them (in window order, the
 * live versions before the persisted range). Against a persisted-range version only breaks of persisted
 * contracts that old data cannot be read by count.
 */
export function mergeWindow(entries: readonly WindowComparison[], isPersisted: (contract: string) => boolean): MergedWindow {
  const findings = new Map<string, Finding>();
  const suppressed = new Map<string, Finding>();
  const changed = new Set<string>();
  for (const { baseline, persisted, comparison } of entries) {
    const counts = (f: Finding) => !persisted || (isPersisted(f.contract) && f.breaks.includes('old-to-new'));
    // One per baseline: its label reads the tag as a version, which costs more than the rest of a finding's merge.
    const ref = liveRef(baseline, persisted);
    for (const name of comparison.changed) if (!persisted || isPersisted(name)) changed.add(name);
    for (const [list, into] of [
      [comparison.findings, findings],
      [comparison.suppressed, suppressed],
    ] as const) {
      const fingerprints = fingerprintsOf(list);
      // Never merged within one comparison: two findings equal in every part the fingerprint reads stay two.
      const occurrences = new Map<string, number>();
      list.forEach((f, i) => {
        if (!counts(f)) return;
        const fingerprint = fingerprints[i]!;
        const n = occurrences.get(fingerprint) ?? 0;
        occurrences.set(fingerprint, n + 1);
        const key = n === 0 ? fingerprint : `${fingerprint}#${n}`;
        const known = into.get(key);
        if (!known) into.set(key, { ...f, fingerprint, against: [ref] });
        else if (!known.against?.some((r) => r.ref === ref.ref)) known.against = [...(known.against ?? []), ref];
      });
    }
  }
  return { findings: [...findings.values()], suppressed: [...suppressed.values()], changed };
}

/**
 * Each finding's fingerprint; findings of one comparison that rule, contract, path and directions leave equal (one
 * per variant added to a union at one path) are told apart by their messages, so each has its own.
 */
function fingerprintsOf(list: readonly Finding[]): string[] {
  const plain = list.map((f) => fingerprintOf(f));
  const seen = new Map<string, number>();
  for (const p of plain) seen.set(p, (seen.get(p) ?? 0) + 1);
  return list.map((f, i) => (seen.get(plain[i]!)! > 1 ? fingerprintOf(f, f.message) : plain[i]!));
}

/**
 * Whether a contract's data is persisted: an adapter says so (queued jobs, workflow histories), or its name or its
 * file matches `persisted.messages`.
 */
export function persistedMatcher(persisted: PersistedConfig | undefined, models: readonly WireModel[]): (contract: string) => boolean {
  const persistedByAdapter = models.map(adapterPersisted);
  const byAdapter = (contract: string) => persistedByAdapter.some((names) => names.has(contract));
  if (!persisted?.messages.length) return byAdapter;
  const match = picomatch(persisted.messages, { dot: true });
  return (contract) => {
    if (byAdapter(contract) || match(contract)) return true;
    return models.some((m) => {
      const file = m.contracts[contract]?.loc.file;
      return file !== undefined && match(file);
    });
  };
}

const adapterPersistedNames = new WeakMap<WireModel, ReadonlySet<string>>();

/** The contracts an adapter marks persisted, found once per model: every check asks about every contract. */
function adapterPersisted(model: WireModel): ReadonlySet<string> {
  let names = adapterPersistedNames.get(model);
  if (!names) {
    const found = new Set<string>();
    for (const name in model.contracts) if (model.contracts[name]!.persisted === true) found.add(name);
    adapterPersistedNames.set(model, (names = found));
  }
  return names;
}
