/**
 * The normalised wire-shape model: what a value looks like on the wire (JSON), with the TypeScript
 * spelling removed. Both the baseline and the working tree are turned into a WireModel by
 * `contracts/`, and the engine compares two models. Nothing here depends on TypeScript, LSP or VS Code.
 */

import type { Loc } from '../common/positions';

export type { Loc, Pos, Range } from '../common/positions';

/** `// skew-ignore <rule>: <reason>` on the line before a member; `reason` is '' when it was left out. */
export interface Suppression {
  rule: string;
  reason: string;
  loc: Loc;
}

export type Literal = string | number | boolean;

/** `superjson`: tRPC's transformer; `structured-clone`: Workers RPC and postMessage. */
export type Codec = 'json' | 'superjson' | 'structured-clone';

/** Values JSON cannot carry faithfully. */
export type UnsafeKind = 'Date' | 'Buffer' | 'Map' | 'Set' | 'bigint' | 'Uint8Array' | 'ArrayBuffer' | 'function' | 'symbol' | 'class-method';

/**
 * `alias` on a primitive, literal or array: the alias the declaration wrote there (`Sku` for `type Sku = string`),
 * which the checker expands away. For messages only; never part of a shape's identity.
 */
export type Shape =
  /** `template`: a template literal type its values match (`ord_${string}`), see template.ts. */
  | { kind: 'string'; template?: string; checks?: Refinement[]; alias?: string }
  | { kind: 'number'; checks?: Refinement[]; alias?: string }
  | { kind: 'boolean'; alias?: string }
  | { kind: 'null' }
  | { kind: 'literal'; value: Literal; alias?: string }
  /** `any` and `unknown`: accepts everything, promises nothing. */
  | { kind: 'any' }
  | { kind: 'never' }
  /** `void` / `undefined` as a whole value (an RPC result that carries nothing). */
  | { kind: 'void' }
  | ObjectShape
  | { kind: 'array'; element: Shape; checks?: Refinement[]; alias?: string }
  | { kind: 'tuple'; elements: TupleElement[] }
  /** `alias`: the name the union was written with, for messages; not part of its identity. */
  | { kind: 'union'; variants: Shape[]; alias?: string }
  | { kind: 'enum'; members: EnumMember[] }
  /** A named type in `WireModel.types`; how recursion and nested contracts are represented. */
  | { kind: 'ref'; name: string }
  | { kind: 'unsafe'; what: UnsafeKind }
  /**
   * A schema node whose reader accepts one shape and whose writer produces another (`.transform()`,
   * `.pipe()`, codecs). Only views.ts sees it: each side of a comparison is projected to its writer or its
   * reader view first, so nothing else in the engine meets this kind.
   */
  | { kind: 'decoded'; input: Shape; output: Shape };

/**
 * What a reader does with keys its object does not declare. `lenient` (a plain type, `.passthrough()`,
 * `looseObject`) keeps or ignores them; `strip` (zod's default) drops them, so a reader that writes the
 * value back loses them; `strict` rejects the whole value.
 */
export type ReaderPolicy = 'lenient' | 'strip' | 'strict';

/**
 * A check a schema reader makes that the type does not show (`.int()`, `.min(3)`, `.email()`, `.refine()`).
 * `name` is the check as written; `arg` its argument when it has a literal one. Two checks are the same
 * when name and arg are.
 */
export interface Refinement {
  name: string;
  arg?: string | number;
  loc?: Loc;
}

export interface ObjectShape {
  kind: 'object';
  fields: Field[];
  index?: Shape;
  /** Set only for objects read by a schema; absent means a plain type (lenient). */
  policy?: ReaderPolicy;
  /** Where the policy is set (the `.strict()` call, the `z.object` call), for messages and fixes. */
  policyLoc?: Loc;
  /** Refinements on the object itself (`.refine()` on the object). */
  checks?: Refinement[];
}

export interface Field {
  name: string;
  shape: Shape;
  /** `x?: T` and `x: T | undefined` both end up here: absent on the wire. */
  optional: boolean;
  loc?: Loc;
  deprecated?: boolean;
  suppressions?: Suppression[];
  /**
   * The schema reader fills the field in when it is absent (`.default()`, `.catch()`, valibot `optional(s, d)`):
   * readers accept it missing, while what the schema produces always has it.
   */
  defaulted?: boolean;
}

export interface TupleElement {
  shape: Shape;
  optional: boolean;
  rest?: boolean;
}

export interface EnumMember {
  key: string;
  value: string | number;
  /** True when the value comes from implicit numbering (no initializer). */
  implicit: boolean;
  loc?: Loc;
  suppressions?: Suppression[];
}

export interface NamedType {
  name: string;
  shape: Shape;
  loc?: Loc;
}

export interface Param {
  name: string;
  shape: Shape;
  optional: boolean;
  loc?: Loc;
  suppressions?: Suppression[];
}

export interface Method {
  name: string;
  params: Param[];
  /** Already awaited: `Promise<T>` is stored as T. */
  result: Shape;
  /**
   * Which of the method's call signatures this is (0-based, in declaration order), set only when it has several:
   * each overload is a Method of its own, with the same name, since a caller may use any of them.
   */
  overload?: number;
  loc?: Loc;
  suppressions?: Suppression[];
}

interface ContractBase {
  name: string;
  /** The contract's name in its declaration. */
  loc: Loc;
  suppressions?: Suppression[];
  /** How it was declared a contract: a JSDoc tag, a skew.json glob, or an adapter that found it. */
  source: 'jsdoc' | 'config' | 'adapter';
  /** Declared by a schema value (zod, valibot): its name, library and whether the reader re-serialises what it reads. */
  schema?: {
    library: 'zod3' | 'zod4' | 'zod-mini' | 'valibot';
    /**
     * The reader writes back what it read (`@roundtrip` on the schema's declaration: a record loaded, changed
     * and saved): keys a strip object drops are then lost, not just ignored.
     */
    roundtrip?: boolean;
  };
  /** How values travel; absent means JSON. Decides what is wire-safe and which witnesses exist. */
  codec?: Codec;
  /** The adapter that found it (`trpc`, `jsonrpc`, …), when one did. */
  adapter?: string;
  /**
   * Values of this contract wait in storage across deploys (a delayed or retried BullMQ job, a workflow's
   * history): every version whose data may still be waiting writes them and this one reads them, so old-to-new
   * breaks count against that whole window, not only the last deploy. Set by the adapter that knows it.
   */
  persisted?: true;
  /** Who sends and who receives it, in the library's own words; absent means the generic words of its kind. */
  roles?: ContractRoles;
}

/**
 * The two ends of a contract as its library names them (`producer` and `worker` for a BullMQ queue), so findings
 * and the rollout plan say who to upgrade first. `caller` writes the requests or messages, `callee` reads them
 * (and writes any reply). Singular nouns, lower case unless a name (`Durable Object`).
 */
export interface ContractRoles {
  caller: string;
  callee: string;
}

/** A message; its shape is `WireModel.types[name].shape`. */
export interface MessageContract extends ContractBase {
  kind: 'message';
}

export interface ServiceContract extends ContractBase {
  kind: 'service';
  methods: Method[];
  /**
   * How paths join the service and a method when the two make up a name that travels: JSON-RPC's
   * `textDocument` + `hover` is `textDocument/hover`. Absent: `Service.method`.
   */
  methodSeparator?: '/';
}

export type Contract = MessageContract | ServiceContract;

export interface WireModel {
  contracts: Record<string, Contract>;
  /** Every named type reachable from a contract, message contracts included. */
  types: Record<string, NamedType>;
}

/** The two versions a check compares: the baseline (deployed) and the working tree. */
export interface ModelPair {
  baseline: WireModel;
  working: WireModel;
}
