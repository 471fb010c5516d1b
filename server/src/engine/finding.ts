import type { Flow, PathStep } from './path-steps';
import type { ContractRoles, Loc } from './shape';

/**
 * `old-to-new`: the baseline writes (or calls), this version reads (or serves).
 * `new-to-old`: this version writes (or calls), the baseline reads (or serves).
 */
export type Direction = 'old-to-new' | 'new-to-old';
export const DIRECTIONS: readonly Direction[] = ['old-to-new', 'new-to-old'];

export type Order = 'readers-first' | 'writers-first' | 'servers-first' | 'clients-first' | 'none';

export type Severity = 'error' | 'warning' | 'info';

export type ContractKind = 'message' | 'service';

/** `Id` is the registry's `RuleId` outside the engine (rules/index.ts); the engine runs whatever rules it is given. */
export interface Finding<Id extends string = string> {
  rule: Id;
  /** The root contract's name (the service name for RPC findings). */
  contract: string;
  contractKind: ContractKind;
  /** The contract's two ends in its library's words, when an adapter named them (see `ContractRoles`). */
  roles?: ContractRoles;
  /**
   * `steps` rendered below `contract` (`renderPath`), e.g. `OrderCreated.items[].price`,
   * `UserService.getUser(result).email`. For people and `ignore` globs only: code follows `steps`.
   */
  path: string;
  /** The way from the root contract down to the finding. */
  steps: PathStep[];
  /** Where the data at the finding flows; a service's methods themselves are called, so they count as requests. */
  flow: Flow;
  breaks: Direction[];
  order: Order;
  severity: Severity;
  message: string;
  /** Where to show it in the working tree; absent only when the whole contract is gone. */
  loc?: Loc;
  /** The baseline definition it is compared against; absent when the member is new. */
  baselineLoc?: Loc;
  /** Other contracts that contain this one and are affected by the change. */
  affects?: string[];
  /** Set when a `skew-ignore` comment or skew.json `ignore` entry silences it. */
  suppressed?: { reason: string; by: 'comment' | 'config' };
  /** Stable id (see `fingerprintOf`): what `skew accept` records. Set once findings leave the engine. */
  fingerprint?: string;
  /** The live versions (and persisted-data versions) it breaks against, set when more than one is checked. */
  against?: LiveRef[];
  /** Set when skew.json `accepted` names it; `expired` once its `until` release is reached (it counts again). */
  accepted?: { reason: string; until?: string; expired?: boolean };
}

/** One baseline a finding breaks against: `label` is how people name it ("deploy/eu (v1.4.0)"). */
export interface LiveRef {
  ref: string;
  commit: string;
  label: string;
  /** A version whose persisted data this one must still read (skew.json `persisted`), not a running one. */
  persisted?: boolean;
}

/** The upgrade order that makes a change safe, from the directions it breaks. */
export function safeOrder(breaks: readonly Direction[], kind: ContractKind): Order {
  const o2n = breaks.includes('old-to-new');
  const n2o = breaks.includes('new-to-old');
  if (o2n && n2o) return 'none';
  if (n2o) return kind === 'service' ? 'servers-first' : 'readers-first';
  return kind === 'service' ? 'clients-first' : 'writers-first';
}

export function sortDirections(dirs: Iterable<Direction>): Direction[] {
  const set = new Set(dirs);
  return DIRECTIONS.filter((d) => set.has(d));
}
