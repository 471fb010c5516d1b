import type { ContractKind, Direction, Order } from '../engine/finding';
import type { Finding } from '../rules';

/** One sentence per direction, naming who sends what to whom: the words every Skew view uses. */
function directionSentence(dir: Direction, kind: ContractKind, contract: string, baseline: string): string {
  if (kind === 'service') {
    return dir === 'old-to-new'
      ? `old-to-new: a ${baseline} client calling ${contract} on this version fails`
      : `new-to-old: this version calling ${contract} on a ${baseline} server fails`;
  }
  return dir === 'old-to-new'
    ? `old-to-new: ${contract} sent by a ${baseline} node cannot be read by this version`
    : `new-to-old: ${contract} sent by this version cannot be read by a ${baseline} node`;
}

const ORDER_ADVICE: Record<Order, string> = {
  'readers-first': 'upgrade every reader before any writer sends the new shape',
  'writers-first': 'upgrade writers first, then readers',
  'servers-first': 'upgrade servers first, then clients',
  'clients-first': 'upgrade clients first, then servers',
  none: 'none; no upgrade order works, so split the change into an expand release and a contract release',
};

const sentence = (s: string): string => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/**
 * The diagnostic text: the rule's own explanation, then each broken direction in words, then the safe order.
 * `baseline` is a label such as "deployed (v1.4.0)".
 */
export function findingMessage(f: Finding, baseline: string): string {
  const parts = [sentence(f.message)];
  for (const dir of f.breaks) parts.push(sentence(directionSentence(dir, f.contractKind, f.contract, baseline)));
  if (f.breaks.length > 0) parts.push(sentence(`Safe order: ${ORDER_ADVICE[f.order]}`));
  return parts.join(' ');
}
