import { createHash } from 'node:crypto';
import type { Finding } from './finding';

/**
 * A finding's stable id: its rule, contract, structured path and the directions it breaks. Lines, messages and
 * the baseline it was found against are left out, so it survives edits elsewhere and a moving `deployed` tag,
 * and changes when the break itself does. `detail` tells apart findings those leave equal (two variants added to one
 * union at one path); the caller passes the message then, which names what differs and holds no position.
 */
export function fingerprintOf(f: Pick<Finding, 'rule' | 'contract' | 'steps' | 'breaks'>, detail?: string): string {
  const hash = createHash('sha256');
  const parts = [f.rule, f.contract, JSON.stringify(f.steps), [...f.breaks].sort().join(',')];
  if (detail !== undefined) parts.push(detail);
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}
