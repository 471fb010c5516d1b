import { againstInWords } from '../report/live-versions';
import type { ContractKind, Direction, Order } from '../engine/finding';
import type { PathStep } from '../engine/path-steps';
import type { Finding } from '../rules';
import type { ContractRoles } from '../engine/shape';
import { code, text } from '../report/markdown-escape';
import { calleeFirst, plural, roleOrder, roleSentence } from '../report/role-words';

/**
 * One sentence per direction, naming who sends what to whom: the words the hover and related information use.
 * With `roles` (an adapter named the contract's ends) it says which end on which version fails.
 */
export function directionSentence(dir: Direction, kind: ContractKind, contract: string, baseline: string, roles?: ContractRoles): string {
  if (roles) {
    const sentence = roleSentence(dir, roles, contract, baseline);
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  }
  if (kind === 'service') {
    return dir === 'old-to-new'
      ? `A ${baseline} client calling ${contract} on this version fails.`
      : `This version calling ${contract} on a ${baseline} server fails.`;
  }
  return dir === 'old-to-new'
    ? `${contract} sent by a ${baseline} node cannot be read by this version.`
    : `${contract} sent by this version cannot be read by a ${baseline} node.`;
}

const ORDER_ADVICE: Record<Order, string> = {
  'readers-first': 'Upgrade readers first.',
  'writers-first': 'Upgrade senders first.',
  'servers-first': 'Upgrade servers first.',
  'clients-first': 'Upgrade clients first.',
  none: 'No upgrade order is safe: roll it out in two releases.',
};

const ORDER_DETAIL: Record<Order, string> = {
  'readers-first': 'upgrade every reader before any writer sends the new shape',
  'writers-first': 'upgrade writers first, then readers',
  'servers-first': 'upgrade servers first, then clients',
  'clients-first': 'upgrade clients first, then servers',
  none: 'none; no upgrade order works, so split the change into an expand release and a contract release',
};

/** Types quoted from the rule's message are cut in the one-line message (the hover has them whole); names are not. */
const MAX_TYPE = 32;
const short = (type: string): string => (type.length > MAX_TYPE ? `${type.slice(0, MAX_TYPE - 1)}…` : type);
const tick = (name: string): string => `\`${name}\``;

function lastName(steps: readonly PathStep[]): string | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s.kind === 'field' || s.kind === 'method' || s.kind === 'param') return s.name;
    if (s.kind === 'enum-member') return s.key;
  }
  return undefined;
}

/** What changed, in a few words, for the rules whose change is one named thing; others use the rule's first clause. */
const CHANGE: Partial<Record<string, (name: string) => string>> = {
  'field-removed': (n) => `${tick(n)} removed`,
  'field-required-added': (n) => `new required ${tick(n)}`,
  'field-made-optional': (n) => `${tick(n)} now optional`,
  'field-made-required': (n) => `${tick(n)} now required`,
  'enum-member-added': (n) => `new member ${tick(n)}`,
  'enum-member-removed': (n) => `${tick(n)} removed`,
  'enum-value-changed': (n) => `${tick(n)} has another value`,
  'type-changed': (n) => `${tick(n)} changed type`,
  'rpc-method-added': (n) => `new method ${tick(n)}`,
  'rpc-method-removed': (n) => `${tick(n)} removed`,
  'rpc-parameter-made-optional': (n) => `${tick(n)} now optional`,
  'rpc-parameter-made-required': (n) => `${tick(n)} now required`,
  'rpc-parameter-removed': (n) => `${tick(n)} removed`,
  'rpc-parameter-required-added': (n) => `new required ${tick(n)}`,
};

/** The rule's message up to its first `;` or `:` outside a code span, with long code spans cut. */
function firstClause(message: string): string {
  let inCode = false;
  let end = message.length;
  for (let i = 0; i < message.length; i++) {
    const c = message[i]!;
    if (c === '`') inCode = !inCode;
    else if (!inCode && (c === ';' || c === ':') && message[i + 1] === ' ') {
      end = i;
      break;
    }
  }
  const clause = message.slice(0, end).replace(/\.$/, '').replace(/`([^`]*)`/g, (_m, inner: string) => tick(short(inner)));
  return clause.charAt(0).toLowerCase() + clause.slice(1);
}

function changeOf(f: Finding): string {
  const name = lastName(f.steps);
  const phrase = name !== undefined ? CHANGE[f.rule] : undefined;
  return phrase ? phrase(name!) : firstClause(f.message);
}

function listed(contracts: readonly string[]): string {
  return contracts.length <= 2 ? contracts.join(', ') : `${contracts.slice(0, 2).join(', ')} +${contracts.length - 2}`;
}

/** "Upgrade workers first.", when the contract's adapter named its ends. */
function roleAdvice(order: Order, roles: ContractRoles): string {
  if (order === 'none') return ORDER_ADVICE.none;
  return `Upgrade ${plural(calleeFirst(order) ? roles.callee : roles.caller)} first.`;
}

/** Who cannot read whom, with the version named: the start of the one-line message. */
function whoBreaks(f: Finding, contracts: readonly string[], version: string): string {
  const c = listed(contracts);
  const o2n = f.breaks.includes('old-to-new');
  const n2o = f.breaks.includes('new-to-old');
  if (f.roles) {
    const callees = plural(f.roles.callee);
    const callers = plural(f.roles.caller);
    if (o2n && n2o) return `${callees} and ${callers} on ${version} and this version can't handle each other's ${c}`;
    return o2n ? `this version's ${callees} can't handle ${c} from ${version} ${callers}` : `${version} ${callees} can't handle ${c} from this version's ${callers}`;
  }
  if (f.contractKind === 'service') {
    if (o2n && n2o) return `calls to ${c} fail both ways between ${version} and this version`;
    return o2n ? `${version} clients' calls to ${c} fail on this version` : `this version's calls to ${c} fail on ${version} servers`;
  }
  if (o2n && n2o) return `${version} nodes and this version can't read each other's ${c}`;
  return o2n ? `this version can't read ${c} from ${version} nodes` : `${version} nodes can't read this version's ${c}`;
}

/** Our own opening words start with a capital; a version name ("v1.0.0") is left as it is written. */
const capital = (s: string, roles?: ContractRoles): string =>
  /^(this|calls) /.test(s) || (roles && s.startsWith(plural(roles.callee))) ? s.charAt(0).toUpperCase() + s.slice(1) : s;

/**
 * The diagnostic text, short enough for one line of the Problems view: who breaks against which version and
 * what changed, then what to do, then the directions as a tag. `version` is the baseline's name ("v1.4.0");
 * `contracts` every contract the change reaches at this place.
 */
export function findingMessage(f: Finding, version: string, contracts: readonly string[] = [f.contract]): string {
  if (f.breaks.length === 0) return f.message;
  const advice = f.roles ? roleAdvice(f.order, f.roles) : ORDER_ADVICE[f.order];
  return `${capital(whoBreaks(f, contracts, version), f.roles)}: ${changeOf(f)}. ${advice} [${f.breaks.join(', ')}]`;
}

/** The rule's message as Markdown: its code spans stay code, the rest is escaped text. */
export function markdownOf(message: string): string {
  const parts = message.split('`');
  if (parts.length % 2 === 0) return text(message);
  return parts.map((p, i) => (i % 2 === 1 ? code(p) : text(p))).join('');
}

/** The whole story of a finding for its hover: the rule's explanation, each direction in words, the safe order. */
export function findingDetail(f: Finding, version: string, contracts: readonly string[], docsUrl: string): string {
  const lines = [`**${text(f.rule)}** · ${f.breaks.length ? f.breaks.join(', ') : f.severity}`, '', markdownOf(f.message), ''];
  for (const dir of f.breaks) lines.push(`- **${dir}**: ${text(directionSentence(dir, f.contractKind, f.contract, version, f.roles))}`);
  const detail = (f.roles && roleOrder(f.order, f.roles)) ?? ORDER_DETAIL[f.order];
  if (f.breaks.length > 0) lines.push(`- **Safe order**: ${text(detail)}.`);
  // One baseline is already named in the sentences above; a window or a persisted range needs its versions listed.
  const window = f.against && (f.against.length > 1 || f.against.some((r) => r.persisted));
  const against = window ? againstInWords(f.against) : undefined;
  if (against) lines.push(`- **Live versions**: breaks ${text(against)}.`);
  if (contracts.length > 1) lines.push('', `Affects ${contracts.map(text).join(', ')}.`);
  lines.push('', `[Rule documentation](${docsUrl})`);
  return lines.join('\n');
}
