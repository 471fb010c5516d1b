import type { Contract, Method, WireModel } from './shape';
import { sameData } from './same-data';

/**
 * What differs between two working models of one editing session. Extraction hands back the same objects for
 * the named types and service methods it did not rebuild, so those compare by identity; contract records are
 * made anew each time and compare by content.
 */
export interface ModelChanges {
  /** Names whose named type is another object, or is in one model only. */
  types: ReadonlySet<string>;
  /** Names whose service methods are another array, or that are a service in one model only. */
  services: ReadonlySet<string>;
  /** Names whose contract record differs, or is in one model only. */
  contracts: ReadonlySet<string>;
}

/** Several indexes follow the working model from one check to the next: the pass over every entry is made once. */
const known = new WeakMap<WireModel, { before: WireModel; changes: ModelChanges }>();

export function modelChanges(before: WireModel, after: WireModel): ModelChanges {
  const cached = known.get(after);
  if (cached?.before === before) return cached.changes;
  const types = new Set<string>();
  const services = new Set<string>();
  const contracts = new Set<string>();
  for (const name in after.types) if (before.types[name] !== after.types[name]) types.add(name);
  for (const name in before.types) if (!(name in after.types)) types.add(name);
  for (const name in after.contracts) {
    const now = after.contracts[name]!;
    const then = before.contracts[name];
    if (methodsOf(then) !== methodsOf(now)) services.add(name);
    if (!then || !sameData(then, now)) contracts.add(name);
  }
  for (const name in before.contracts) {
    if (name in after.contracts) continue;
    contracts.add(name);
    if (methodsOf(before.contracts[name])) services.add(name);
  }
  const changes = { types, services, contracts };
  known.set(after, { before, changes });
  return changes;
}

export const methodsOf = (contract: Contract | undefined): readonly Method[] | undefined => (contract?.kind === 'service' ? contract.methods : undefined);
