import type { Finding } from './finding';
import { ContainerIndex } from './reach';
import type { Suppression, WireModel } from './shape';
import { modelChanges } from './model-changes';
import { contractNames } from './pairs';

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
  private last: { old: WireModel; rules: unknown; options: string; model: WireModel } | undefined;
  private stale = new Set<string>();
  private index: ContainerIndex | undefined;

  private sortedNames: { old: WireModel; model: WireModel; names: string[] } | undefined;

  /** The working model of the previous call, if any: what changed since is found by identity (see modelChanges). */
  get previousModel(): WireModel | undefined {
    return this.last?.model;
  }

  /** contractNames of the two models, kept while no contract is added or removed; not to be changed by the caller. */
  names(oldModel: WireModel, newModel: WireModel): string[] {
    const last = this.sortedNames;
    if (last?.old === oldModel && (last.model === newModel || [...modelChanges(last.model, newModel).contracts].every((n) => n in last.model.contracts && n in newModel.contracts))) {
      last.model = newModel;
      return last.names;
    }
    const names = contractNames(oldModel, newModel);
    this.sortedNames = { old: oldModel, model: newModel, names };
    return names;
  }

  /** The container index of the two models, derived from the one the previous call made (see ContainerIndex.next). */
  containers(newModel: WireModel, oldModel: WireModel): ContainerIndex {
    this.index = ContainerIndex.next(newModel, oldModel, this.index);
    return this.index;
  }

  /** Works out which roots must be compared again; forgets everything when the baseline, rules or options differ. */
  begin(oldModel: WireModel, newModel: WireModel, rules: unknown, options: string, index: ContainerIndex): void {
    const last = this.last;
    this.last = { old: oldModel, rules, options, model: newModel };
    if (!last || last.old !== oldModel || last.rules !== rules || last.options !== options) {
      this.roots.clear();
      return;
    }
    const { types, contracts } = modelChanges(last.model, newModel);
    const changed = new Set([...types, ...contracts]);
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
 * A memo per baseline model: a window of several versions compares every working tree with each of them, and a
 * single memo would forget one version's comparisons while it compares with the next.
 */
export class CompareMemos {
  private readonly byBaseline = new WeakMap<WireModel, CompareMemo>();

  for(oldModel: WireModel): CompareMemo {
    let memo = this.byBaseline.get(oldModel);
    if (!memo) this.byBaseline.set(oldModel, (memo = new CompareMemo()));
    return memo;
  }
}
