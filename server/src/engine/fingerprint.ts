import { createHash } from 'node:crypto';
import type { Finding } from './finding';

/**
 * A finding's stable id: its rule, contract, structured path and the directions it breaks. Lines, messages and
 * the baseline it was found against are left out, so it survives edits elsewhere and a moving `deployed` tag,
 * and changes when the break itself does.
 */
export function fingerprintOf(f: Pick<Finding, 'rule' | 'contract' | 'steps' | 'breaks'>): string {
  const hash = createHash('sha256');
  for (const part of [f.rule, f.contract, JSON.stringify(f.steps), [...f.breaks].sort().join(',')]) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}
