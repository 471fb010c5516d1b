import type { Finding } from '../rules';
import { renderStep } from '../engine/path-steps';

/**
 * The last step of a finding's path, named: `{ name: 'email', via: 'member' }` for
 * `UserService.getUser(result).email`. A step that names nothing (`[]`, `[key]`) is named by its spelling.
 */
export function lastStep(finding: Finding): { name: string; via: 'member' | 'param' | 'result' | 'other' } {
  const step = finding.steps[finding.steps.length - 1];
  if (!step) return { name: finding.contract, via: 'other' };
  switch (step.kind) {
    case 'field':
    case 'method':
      return { name: step.name, via: 'member' };
    case 'enum-member':
      return { name: step.key, via: 'member' };
    case 'param':
      return { name: step.name, via: 'param' };
    case 'result':
      return { name: 'result', via: 'result' };
    default:
      return { name: renderStep(step), via: 'other' };
  }
}

/** Who writes / reads the value at the finding, in the baseline's words: senders, clients, servers... */
export function baselineParty(finding: Finding, role: 'writers' | 'readers'): string {
  if (finding.flow === 'message') return role === 'writers' ? 'senders' : 'readers';
  if (finding.flow === 'request') return role === 'writers' ? 'clients' : 'servers';
  return role === 'writers' ? 'servers' : 'clients';
}

/** Type names every file can use without importing them. */
export const GLOBAL_TYPES = new Set([
  'Array', 'ReadonlyArray', 'Promise', 'Record', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Exclude', 'Extract',
  'NonNullable', 'ReturnType', 'Parameters', 'Awaited', 'Map', 'Set', 'ReadonlyMap', 'ReadonlySet', 'Date', 'Error',
  'RegExp', 'Uint8Array', 'ArrayBuffer', 'Object', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Function',
  'PromiseLike', 'Iterable', 'Lowercase', 'Uppercase', 'Capitalize', 'Uncapitalize', 'InstanceType', 'NoInfer',
]);
