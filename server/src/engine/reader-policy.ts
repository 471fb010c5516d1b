import { renderPath, type PathStep } from './path-steps';
import type { ObjectShape } from './shape';

/**
 * Where a reading object's unknown-key policy is, in the words findings use: "the deployed reader `Order` is
 * strict at `.items[]` (set at orders.ts:12)". `steps` lead from the contract to the object.
 */
export function policyPlace(reader: 'baseline' | 'this version', contract: string, steps: readonly PathStep[], object: ObjectShape, policy: string): string {
  const who = reader === 'baseline' ? `the deployed reader \`${contract}\`` : `this version's reader \`${contract}\``;
  const where = steps.length ? `at \`${renderPath('', steps)}\`` : 'at its root';
  const set = object.policyLoc ? ` (set at ${object.policyLoc.file}:${object.policyLoc.range.start.line + 1})` : '';
  return `${who} is ${policy} ${where}${set}`;
}
