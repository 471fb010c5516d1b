import type { Literal, Shape } from './shape';

/**
 * One step from a root contract down to where a finding is, as the pairing walk (`pairs.ts`) takes it. Kept
 * typed end to end so nothing has to read a rendered path back: a key may hold any character.
 */
export type PathStep =
  /** `.email`: a field of an object. */
  | { kind: 'field'; name: string }
  /** `.High`: an enum member, by its key. */
  | { kind: 'enum-member'; key: string }
  /** `.getUser`: an RPC method of a service; `/hover` when the service joins its methods with a slash (JSON-RPC). */
  | { kind: 'method'; name: string; separator?: '/' }
  /**
   * `(#2)`: one call signature of an overloaded method, by its position (1-based when rendered) in this version,
   * or in the baseline's when it was removed. Both positions are kept, as each side numbers its own overloads.
   */
  | { kind: 'overload'; old?: number; new?: number }
  /** `(tenantId)`: an RPC parameter, paired by position and named after this version's (the baseline's when removed). */
  | { kind: 'param'; name: string; index: number }
  /** `(result)`: what an RPC method returns. */
  | { kind: 'result' }
  /** `[]`: an array's elements. */
  | { kind: 'element' }
  /** `[2]`: one position of a tuple. */
  | { kind: 'tuple'; index: number }
  /** `[key]`: the values of an index signature. */
  | { kind: 'index' }
  /** `[type="card"]`: the variant of a discriminated union whose tag field holds that literal. */
  | { kind: 'variant'; tag: string; value: Literal };

/** Where the data at a path flows: a message, an RPC request (caller → callee) or an RPC result (callee → caller). */
export type Flow = 'message' | 'request' | 'result';

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** A name as written in a path: bare when it is an identifier, else a JSON string, so `.` `/` `[` `"` stay inside it. */
const name = (text: string): string => (IDENTIFIER.test(text) ? text : JSON.stringify(text));

const member = (text: string): string => (IDENTIFIER.test(text) ? `.${text}` : `[${JSON.stringify(text)}]`);

/** The one spelling of a step in a rendered path, e.g. `.email`, `["io.mcp/version"]`, `(result)`, `[type="card"]`. */
export function renderStep(step: PathStep): string {
  switch (step.kind) {
    case 'method':
      return step.separator ? `${step.separator}${name(step.name)}` : member(step.name);
    case 'field':
      return member(step.name);
    case 'enum-member':
      return member(step.key);
    case 'param':
      return `(${name(step.name)})`;
    case 'result':
      return '(result)';
    case 'overload':
      return `(#${(step.new ?? step.old ?? 0) + 1})`;
    case 'element':
      return '[]';
    case 'tuple':
      return `[${step.index}]`;
    case 'index':
      return '[key]';
    case 'variant':
      return `[${name(step.tag)}=${JSON.stringify(step.value)}]`;
  }
}

/** A finding's path for people and for `ignore` globs: `OrderCreated.items[].price`, `Params._meta["io.mcp/version"]`. */
export const renderPath = (root: string, steps: readonly PathStep[]): string => root + steps.map(renderStep).join('');

/**
 * The shape one structural step leads to inside `shape` (already resolved): a field, an array's element, a tuple
 * element, an index signature's values. Undefined for the other steps, whose meaning depends on the caller (a
 * variant is picked by its tag or taken as it is), and when the shape has no such part.
 */
export function childShape(shape: Shape, step: PathStep): Shape | undefined {
  switch (step.kind) {
    case 'field':
      return shape.kind === 'object' ? shape.fields.find((f) => f.name === step.name)?.shape : undefined;
    case 'element':
      return shape.kind === 'array' ? shape.element : undefined;
    case 'tuple':
      return shape.kind === 'tuple' ? shape.elements[step.index]?.shape : undefined;
    case 'index':
      return shape.kind === 'object' ? shape.index : undefined;
    default:
      return undefined;
  }
}
