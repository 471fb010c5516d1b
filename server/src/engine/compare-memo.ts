import type { Finding } from './finding';
import type { ContainerIndex } from './reach';
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
  private last: { old: WireModel; rules: unknown; options: string; types: Record<string, NamedType>; contracts: Map<string, string> } | undefined;
  private stale = new Set<string>();

  /** Works out which roots must be compared again; forgets everything when the baseline, rules or options differ. */
  begin(oldModel: WireModel, newModel: WireModel, rules: unknown, options: string, index: ContainerIndex): void {
    const last = this.last;
    const contracts = new Map(Object.entries(newModel.contracts).map(([name, c]) => [name, contractKey(c)]));
    this.last = { old: oldModel, rules, options, types: newModel.types, contracts };
    if (!last || last.old !== oldModel || last.rules !== rules || last.options !== options) {
      this.roots.clear();
      return;
    }
    const changed = new Set<string>();
    for (const name of new Set([...Object.keys(last.types), ...Object.keys(newModel.types)])) {
      if (last.types[name] !== newModel.types[name]) changed.add(name);
    }
    for (const name of new Set([...last.contracts.keys(), ...contracts.keys()])) {
      if (last.contracts.get(name) !== contracts.get(name)) changed.add(name);
    }
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

const clone = (r: RawFinding): RawFinding => structuredClone(r);

function contractKey(c: Contract): string {
  return JSON.stringify(c);
}
