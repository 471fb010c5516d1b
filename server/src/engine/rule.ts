import type { ContractKind, Severity } from './finding';
import type { Flow, PathStep } from './path-steps';
import type { Codec, Contract, EnumMember, Field, Loc, Method, Param, Shape, WireModel } from './shape';

/**
 * Rules never match old and new themselves: the pairing walk (`pairs.ts`) hands each rule matched
 * (old, new) pairs, one side missing when something was added or removed. Rules are pure: they look at
 * the pair and report; they do no I/O and know nothing of editors.
 */
/**
 * The quick fixes that exist (server/src/fixes maps each to its provider). A rule lists the ones that turn its
 * finding into a compatible change; the suppression comment is offered for every rule and is not listed.
 */
export type FixKind =
  | 'make-optional'
  | 'keep-required'
  | 'keep-old-name'
  | 'restore-field'
  | 'restore-enum-member'
  | 'restore-variant'
  | 'restore-method'
  | 'widen-type'
  | 'pin-enum-values'
  | 'make-reader-tolerant'
  | 'complete-suppression-reason';

/** The two releases that roll out a change which breaks both ways, in the words of this kind of change. */
export interface ExpandContract {
  expand: string;
  contract: string;
}

/**
 * Everything the rest of the product needs to know about a rule, so nothing outside the rule's own module
 * switches on its id.
 */
export interface RuleMeta<Id extends string = string> {
  id: Id;
  /** One line: what the rule detects. */
  description: string;
  severity: Severity;
  /** Fixes that make the change compatible, in the order they are offered. */
  fixes: readonly FixKind[];
  /** How to roll it out when it breaks both ways; without it the report uses the generic steps for the contract kind. */
  expandContract?: ExpandContract;
  /**
   * Why no value can show this break, when that is so (a Date arrives as a string either way under JSON), in
   * words that may depend on the contract's codec. The report then says this instead of searching for a witness.
   */
  noWitness?: string | ((codec: Codec) => string);
  /**
   * How the witness is built when the break is not in the shapes at the finding's path: `codec-envelope`, the
   * same value as one codec wraps it (superjson's `{ "json": … }`), which a reader of the other codec misreads.
   */
  witness?: 'codec-envelope';
  /** False when a `skew-ignore` comment cannot silence it (a finding about such a comment). */
  suppressible?: false;
}

export interface ContractPair {
  old?: Contract;
  new?: Contract;
}

export interface FieldPair {
  old?: Field;
  new?: Field;
  /** The objects holding the fields, each resolved in its own model. */
  oldParent: Extract<Shape, { kind: 'object' }>;
  newParent: Extract<Shape, { kind: 'object' }>;
}

export interface EnumMemberPair {
  old?: EnumMember;
  new?: EnumMember;
  oldEnum: EnumMember[];
  newEnum: EnumMember[];
}

/**
 * One union's variants that found no partner, all at once, so a union that changed in several places is one
 * finding per direction rather than one per variant. Paired variants are walked into instead.
 */
export interface VariantsPair {
  /** Variants only this version's union has, in its order. */
  added: Shape[];
  /** Variants only the baseline's union has, in its order. */
  removed: Shape[];
  /** The whole unions (a lone shape counts as a union of one); a ref when the union is a named type, so messages name it. */
  oldUnion: Shape;
  newUnion: Shape;
}

/** Two shapes at the same path that the walk could not take apart further. */
export interface ValuePair {
  old: Shape;
  new: Shape;
}

/**
 * Two shapes of the same kind at the same path, before the walk goes inside them, where either carries what a
 * schema reader adds to its type (an unknown-key policy, checks). Plain types never reach this hook.
 */
export interface NodePair {
  old: Shape;
  new: Shape;
}

export interface MethodPair {
  old?: Method;
  new?: Method;
  /**
   * Every call signature of the method's name on each side (empty when the name is missing there): an overload
   * one side lacks may still be served, or called, through another of the same name.
   */
  oldOverloads: readonly Method[];
  newOverloads: readonly Method[];
}

export interface ParamPair {
  old?: Param;
  new?: Param;
  index: number;
  method: string;
}

/**
 * What a rule reports, in terms of the data flow at this point: `oldToNew` means a value produced by the
 * baseline and consumed by this version. The walk maps it to the contract's directions (an RPC result
 * flows server → client, so there the two swap).
 */
export interface Report {
  oldToNew: boolean;
  newToOld: boolean;
  message: string;
  /** Overrides the walk's current locations (e.g. an added member's own position). */
  loc?: Loc;
  baselineLoc?: Loc;
  /** Steps below the current position, when the finding is about something inside it. */
  subPath?: readonly PathStep[];
}

export interface RuleContext {
  contract: string;
  contractKind: ContractKind;
  /** The path of the current position, e.g. `OrderCreated.items[]`. */
  path: string;
  /** The same path as steps below the contract. */
  steps: readonly PathStep[];
  /** Where this data flows: a message, an RPC request (caller → callee) or an RPC result (callee → caller). */
  flow: Flow;
  oldModel: WireModel;
  newModel: WireModel;
  /** `readable(old value, new reader)` and the reverse, each ref resolved in its own model. */
  oldReadableByNew(oldShape: Shape, newShape: Shape): boolean;
  newReadableByOld(newShape: Shape, oldShape: Shape): boolean;
  /** Plain-type readers reject unknown keys (the `strictReaders` option); a schema object's own policy wins. */
  strictReaders: boolean;
  /** Renders a shape compactly for messages (`string | null`, `{ id, amount }`). */
  show(shape: Shape): string;
  report(report: Report): void;
}

export interface Rule<Id extends string = string> {
  meta: RuleMeta<Id>;
  contract?(pair: ContractPair, ctx: RuleContext): void;
  field?(pair: FieldPair, ctx: RuleContext): void;
  enumMember?(pair: EnumMemberPair, ctx: RuleContext): void;
  variants?(pair: VariantsPair, ctx: RuleContext): void;
  value?(pair: ValuePair, ctx: RuleContext): void;
  node?(pair: NodePair, ctx: RuleContext): void;
  method?(pair: MethodPair, ctx: RuleContext): void;
  param?(pair: ParamPair, ctx: RuleContext): void;
}

/** Keeps the rule's id as a literal type, so the registry (rules/index.ts) can derive the `RuleId` union. */
export const defineRule = <const Id extends string>(rule: Rule<Id>): Rule<Id> => rule;
