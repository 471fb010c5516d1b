import type { Finding } from '../rules';

/** Breaking findings that concern a contract: its own, and those of contracts it contains (`affects`). */
export function findingsFor(findings: readonly Finding[], contract: string): Finding[] {
  return findings.filter((f) => f.breaks.length > 0 && (f.contract === contract || f.affects?.includes(contract)));
}

export function statusLine(count: number, label: string): string {
  return count === 0 ? `compatible with ${label}` : `${count} breaking change${count === 1 ? '' : 's'}`;
}
