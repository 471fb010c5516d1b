import type { Finding } from './finding';
import { ContainerIndex } from './reach';
import type { Contract, NamedType, Suppression, WireModel } from './shape';

export interface RawFinding {
  finding: Finding;
  suppressions: Suppression[];
}

interface Remembered {
  raw: RawFinding[];
  changed: boolean;
}

/**
 * Remembers each root contract's comparison between calls, for a caller that compares one baseline with
 * successive working trees (the language server, on every edit). Extraction hands back the same objects for
 * named types it did not rebuild, so what changed since the last call is the set of names whose entry is a
 * different object (or whose contract record differs); a root is compared again only when it can reach one
 * of those names. Everything else keeps its previous findings.
 */
export class CompareMemo {
  private readonly roots = new Map<string, Remembered>();
  private last: { old: WireModel; rules: unknown; options: string; types: Record<string, NamedType>; contracts: Record<string, Contract> } | undefined;
  private stale = new Set<string>();
  private index: ContainerIndex | undefined;

  /** The container index of the two models, derived from the one the previous call made (see ContainerIndex.next). */
  containers(newModel: WireModel, oldModel: WireModel): ContainerIndex {
    this.index = ContainerIndex.next(newModel, oldModel, this.index);
    return this.index;
  }

  /** Works out which roots must be compared again; forgets everything when the baseline, rules or options differ. */
  begin(oldModel: WireModel, newModel: WireModel, rules: unknown, options: string, index: ContainerIndex): void {
    const last = this.last;
    this.last = { old: oldModel, rules, options, types: newModel.types, contracts: newModel.contracts };
    if (!last || last.old !== oldModel || last.rules !== rules || last.options !== options) {
      this.roots.clear();
      return;
    }
    const changed = new Set<string>();
    for (const [name, type] of Object.entries(newModel.types)) if (last.types[name] !== type) changed.add(name);
    for (const name of Object.keys(last.types)) if (!(name in newModel.types)) changed.add(name);
    for (const [name, contract] of Object.entries(newModel.contracts)) {
      const before = last.contracts[name];
      if (!before || !sameData(before, contract)) changed.add(name);
    }
    for (const name of Object.keys(last.contracts)) if (!(name in newModel.contracts)) changed.add(name);
    this.stale = index.reaching(changed, newModel);
  }

  recall(root: string): Remembered | undefined {
    if (this.stale.has(root)) return undefined;
    const remembered = this.roots.get(root);
    return remembered && { raw: remembered.raw.map(clone), changed: remembered.changed };
  }

  remember(root: string, raw: RawFinding[], changed: boolean): void {
    this.roots.set(root, { raw: raw.map(clone), changed });
  }

  /** Drops roots that are in neither model any more. */
  retain(names: ReadonlySet<string>): void {
    for (const name of this.roots.keys()) if (!names.has(name)) this.roots.delete(name);
  }
}

/**
 * A finding's own properties are set after it is remembered (`affects`, `suppressed`), never its parts: a copy
 * of the finding object keeps the remembered one as it was.
 */
const clone = (r: RawFinding): RawFinding => ({ finding: { ...r.finding }, suppressions: r.suppressions });

/**
 * Deep equality of plain JSON data, taking the same object as equal at once: a contract record is made anew by
 * every extraction, but what it holds (a service's methods) is reused while unchanged.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => k in y && sameData(x[k], y[k]));
}
