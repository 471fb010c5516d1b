import type { Direction, Order } from '../engine/finding';
import type { ContractRoles } from '../engine/shape';

/** Role nouns are short English nouns chosen by the adapters (`worker`, `activity worker`), so plain rules do. */
export const plural = (noun: string): string => (noun.endsWith('s') ? noun : `${noun}s`);
export const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** An order that is not `none` upgrades the reading end first (readers, servers) or the writing end (writers, clients). */
export const calleeFirst = (order: Order): boolean => order === 'readers-first' || order === 'servers-first';

/** "upgrade workers first, then producers", or undefined when no order is safe. */
export function roleOrder(order: Order, roles: ContractRoles): string | undefined {
  if (order === 'none') return undefined;
  const [first, then] = calleeFirst(order) ? [roles.callee, roles.caller] : [roles.caller, roles.callee];
  return first === then ? `upgrade every ${first} before any sends the new shape` : `upgrade ${plural(first)} first, then ${plural(then)}`;
}

/**
 * Who fails against whom, in the contract's own words: "a worker on v1.4.0 receiving images from a producer on
 * this version fails". `baseline` is how the sentence names the other version ("v1.4.0", "baseline").
 */
export function roleSentence(direction: Direction, roles: ContractRoles, contract: string, baseline: string): string {
  const [calleeOn, callerOn] = direction === 'old-to-new' ? ['this version', baseline] : [baseline, 'this version'];
  return `${withArticle(roles.callee)} on ${calleeOn} receiving ${contract} from ${withArticle(roles.caller)} on ${callerOn} fails`;
}
