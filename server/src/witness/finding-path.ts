import type { Literal } from '../engine/shape';

/** One step of a finding path as the pairing walk (`engine/pairs.ts`) writes it. */
export type PathStep =
  /** `.name`: a field, an enum member's key or an RPC method, depending on where it stands. */
  | { kind: 'member'; name: string }
  /** `[]`: an array's elements. */
  | { kind: 'element' }
  /** `[2]`: a tuple position. */
  | { kind: 'position'; index: number }
  /** `[key]`: an index signature's values. */
  | { kind: 'index' }
  /** `[type="card"]`: the variant of a discriminated union whose tag field has that value. */
  | { kind: 'variant'; tag: string; value: Literal }
  /** `(name)`: an RPC parameter. */
  | { kind: 'param'; name: string }
  /** `(result)`: an RPC result. */
  | { kind: 'result' };

export interface ParsedPath {
  root: string;
  steps: PathStep[];
}

/**
 * Reads a finding path back into steps, e.g. `OrderCreated.items[].price`, `UserService.getUser(result).email`.
 * Undefined when it is not in the walk's grammar (a member name containing `.`, `[` or `(` is ambiguous).
 */
export function parseFindingPath(path: string): ParsedPath | undefined {
  const rootMatch = /^[^.[(]+/.exec(path);
  if (!rootMatch) return undefined;
  const steps: PathStep[] = [];
  let i = rootMatch[0].length;
  while (i < path.length) {
    const rest = path.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^\.([^.[(]+)/.exec(rest))) {
      steps.push({ kind: 'member', name: m[1]! });
    } else if ((m = /^\[\]/.exec(rest))) {
      steps.push({ kind: 'element' });
    } else if ((m = /^\[key\]/.exec(rest))) {
      steps.push({ kind: 'index' });
    } else if ((m = /^\[(\d+)\]/.exec(rest))) {
      steps.push({ kind: 'position', index: Number(m[1]) });
    } else if ((m = /^\(result\)/.exec(rest))) {
      steps.push({ kind: 'result' });
    } else if ((m = /^\(([^()]+)\)/.exec(rest))) {
      steps.push({ kind: 'param', name: m[1]! });
    } else if (rest.startsWith('[')) {
      const variant = readVariant(rest);
      if (!variant) return undefined;
      steps.push(variant.step);
      i += variant.length;
      continue;
    } else {
      return undefined;
    }
    i += m[0].length;
  }
  return { root: rootMatch[0], steps };
}

/** `[tag=<JSON literal>]`: the literal may itself contain `]`, so try each closing bracket in turn. */
function readVariant(rest: string): { step: PathStep; length: number } | undefined {
  const eq = rest.indexOf('=');
  if (eq < 2) return undefined;
  const tag = rest.slice(1, eq);
  for (let end = rest.indexOf(']', eq); end !== -1; end = rest.indexOf(']', end + 1)) {
    try {
      const value = JSON.parse(rest.slice(eq + 1, end)) as unknown;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return { step: { kind: 'variant', tag, value }, length: end + 1 };
      }
    } catch {
      // not the closing bracket yet
    }
  }
  return undefined;
}
