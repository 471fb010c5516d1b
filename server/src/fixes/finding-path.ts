import type { Finding } from '../rules';
import { itemAt } from '../common/item-at';

/** The last step of a finding's path: `{ name: 'email', via: 'field' }` for `UserService.getUser(result).email`. */
export function lastSegment(path: string): { name: string; via: 'field' | 'param' | 'result' | 'other' } {
  const m = /(?:\.([^.[(]+)|\(([^)]+)\)|(\[[^\]]*\]))$/.exec(path);
  if (!m) return { name: path, via: 'other' };
  if (m[1] !== undefined) return { name: m[1], via: 'field' };
  if (m[2] !== undefined) return m[2] === 'result' ? { name: 'result', via: 'result' } : { name: m[2], via: 'param' };
  return { name: itemAt(m, 3), via: 'other' };
}

/**
 * Whether the finding's path ends at a member called `name`. Quoted names may hold the path's own punctuation
 * (`'a.b': string` is `Msg.a.b`), so the member's name is matched against the end of the path as well.
 */
export const pathEndsAt = (path: string, name: string): boolean =>
  lastSegment(path).name === name || path.endsWith(`.${name}`) || path.endsWith(`(${name})`);

/** Where the value at the finding flows: results travel server → client. */
export const flowOf = (finding: Finding): 'message' | 'request' | 'result' =>
  finding.contractKind === 'message' ? 'message' : finding.path.includes('(result)') ? 'result' : finding.path.includes('(') ? 'request' : 'message';

/** Who writes / reads the value at the finding, in the baseline's words: senders, clients, servers... */
export function baselineParty(finding: Finding, role: 'writers' | 'readers'): string {
  const flow = flowOf(finding);
  if (flow === 'message') return role === 'writers' ? 'senders' : 'readers';
  if (flow === 'request') return role === 'writers' ? 'clients' : 'servers';
  return role === 'writers' ? 'servers' : 'clients';
}

/** Type names every file can use without importing them. */
export const GLOBAL_TYPES = new Set([
  'Array', 'ReadonlyArray', 'Promise', 'Record', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Exclude', 'Extract',
  'NonNullable', 'ReturnType', 'Parameters', 'Awaited', 'Map', 'Set', 'ReadonlyMap', 'ReadonlySet', 'Date', 'Error',
  'RegExp', 'Uint8Array', 'ArrayBuffer', 'Object', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Function',
  'PromiseLike', 'Iterable', 'Lowercase', 'Uppercase', 'Capitalize', 'Uncapitalize', 'InstanceType', 'NoInfer',
]);
