import { pushAll } from './push-all';
import { directRefs, entryRefs } from './reach';
import type { WireModel } from './shape';

/**
 * Whether a root's comparison can say anything: it reaches (or is) a name whose entry differs between the
 * versions, locations aside. A root whose every reachable entry is the same on both sides is its own
 * baseline, and comparing a version with itself finds nothing (every fixture test checks that), so it is
 * neither walked nor changed. Between two releases most contracts are untouched but moved in their file.
 * Answers are worked out on demand: an editing session asks only about the few roots its memo cannot recall.
 */
export function differenceFinder(oldModel: WireModel, newModel: WireModel): (root: string) => boolean {
  const entryDiffers = new Map<string, boolean>();
  const differs = (name: string): boolean => {
    let answer = entryDiffers.get(name);
    if (answer === undefined) {
      answer = (['types', 'contracts'] as const).some((kind) => {
        const o = oldModel[kind] as Record<string, unknown>;
        const n = newModel[kind] as Record<string, unknown>;
        return name in o !== name in n || !sameApartFromLocations(o[name], n[name]);
      });
      entryDiffers.set(name, answer);
    }
    return answer;
  };
  const refsOf = (name: string): string[] => {
    const refs: string[] = [];
    for (const model of [oldModel, newModel]) {
      const type = model.types[name];
      if (type) pushAll(refs, entryRefs(type));
      const contract = model.contracts[name];
      if (contract?.kind === 'service') pushAll(refs, directRefs(contract.methods.flatMap((m) => [m.result, ...m.params.map((p) => p.shape)])));
    }
    return refs;
  };
  // `true` is always safe to remember; `false` only when the search below did not stop at a name still open
  // higher up (a cycle), whose own answer was not known yet.
  const reaches = new Map<string, boolean>();
  const open = new Set<string>();
  const search = (name: string): { found: boolean; cut: boolean } => {
    const known = reaches.get(name);
    if (known !== undefined) return { found: known, cut: false };
    if (open.has(name)) return { found: false, cut: true };
    if (differs(name)) {
      reaches.set(name, true);
      return { found: true, cut: false };
    }
    open.add(name);
    let cut = false;
    let found = false;
    for (const next of refsOf(name)) {
      const r = search(next);
      cut ||= r.cut;
      if (r.found) {
        found = true;
        break;
      }
    }
    open.delete(name);
    if (found || !cut) reaches.set(name, found);
    return { found, cut };
  };
  return (root) => search(root).found;
}

const IGNORED = new Set(['loc', 'alias']);

/**
 * Deep equality of two model entries (plain JSON data), not looking at `loc` or `alias` properties: an alias
 * names a shape for messages and is no part of what travels, so renaming one changes nothing to compare.
 */
function sameApartFromLocations(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameApartFromLocations(x, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => !IGNORED.has(k) && x[k] !== undefined);
  if (keys.length !== Object.keys(y).filter((k) => !IGNORED.has(k) && y[k] !== undefined).length) return false;
  return keys.every((k) => sameApartFromLocations(x[k], y[k]));
}
