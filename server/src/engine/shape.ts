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

/** Values JSON cannot carry faithfully. */
export type UnsafeKind = 'Date' | 'Buffer' | 'Map' | 'Set' | 'bigint' | 'function' | 'symbol' | 'class-method';

export type Shape =
  /** `template`: a template literal type its values match (`ord_${string}`), see template.ts. */
  | { kind: 'string'; template?: string }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'literal'; value: Literal }
  /** `any` and `unknown`: accepts everything, promises nothing. */
  | { kind: 'any' }
  | { kind: 'never' }
  /** `void` / `undefined` as a whole value (an RPC result that carries nothing). */
  | { kind: 'void' }
  | { kind: 'object'; fields: Field[]; index?: Shape }
  | { kind: 'array'; element: Shape }
  | { kind: 'tuple'; elements: TupleElement[] }
  /** `alias`: the name the union was written with, for messages; not part of its identity. */
  | { kind: 'union'; variants: Shape[]; alias?: string }
  | { kind: 'enum'; members: EnumMember[] }
  /** A named type in `WireModel.types`; how recursion and nested contracts are represented. */
  | { kind: 'ref'; name: string }
  | { kind: 'unsafe'; what: UnsafeKind };

export interface Field {
  name: string;
  shape: Shape;
  /** `x?: T` and `x: T | undefined` both end up here: absent on the wire. */
  optional: boolean;
  loc?: Loc;
  deprecated?: boolean;
  suppressions?: Suppression[];
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
  loc?: Loc;
  suppressions?: Suppression[];
}

interface ContractBase {
  name: string;
  /** The contract's name in its declaration. */
  loc: Loc;
  suppressions?: Suppression[];
  /** How it was declared a contract: a JSDoc tag or a skew.json glob. */
  source: 'jsdoc' | 'config';
}

/** A message; its shape is `WireModel.types[name].shape`. */
export interface MessageContract extends ContractBase {
  kind: 'message';
}

export interface ServiceContract extends ContractBase {
  kind: 'service';
  methods: Method[];
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
