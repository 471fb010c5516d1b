import type { ContractKind, Order } from '../engine/finding';
import type { ExpandContract } from '../engine/rule';
import { ruleById, type Finding } from '../rules';
import { plural } from './role-words';

/** The part of a finding the plan needs; `id` lets a view link a plan entry to the finding it came from. */
export type PlanChange = Pick<Finding, 'rule' | 'contract' | 'contractKind' | 'path' | 'order' | 'roles'> & { id?: string };

export type PlanVerdict = 'any-order' | 'readers-first' | 'writers-first' | 'two-releases';

export interface PlanRelease {
  title: string;
  /** What to do, in order. */
  steps: string[];
  /** The changes this release ships. */
  changes: PlanChange[];
}

export interface RolloutPlan {
  verdict: PlanVerdict;
  /** One line: "Safe in any order", "Upgrade readers and servers first, then writers and clients", … */
  headline: string;
  /** Why, in a sentence. */
  reason: string;
  releases: PlanRelease[];
  /** The changes that cannot ship in one release, each with its expand and contract step. */
  needTwoReleases: { change: PlanChange; why: string; expand: string; contract: string }[];
}

type Group = 'readers' | 'writers' | 'both';

const groupOf = (order: Order): Group =>
  order === 'none' ? 'both' : order === 'readers-first' || order === 'servers-first' ? 'readers' : 'writers';

/**
 * One upgrade plan for the whole change set, from each finding's own safe order (the engine derives it from the
 * directions a finding breaks). Changes that all want the same side upgraded first fit one release; a change
 * that breaks both ways, or two changes wanting opposite orders, cannot, so the plan splits them over two
 * releases (expand, then contract).
 */
export function rolloutPlan(changes: readonly PlanChange[]): RolloutPlan {
  const readers = changes.filter((c) => groupOf(c.order) === 'readers');
  const writers = changes.filter((c) => groupOf(c.order) === 'writers');
  const both = changes.filter((c) => groupOf(c.order) === 'both');

  if (changes.length === 0) {
    return {
      verdict: 'any-order',
      headline: 'Safe in any order',
      reason: 'No change breaks a mixed-version cluster, so nodes can be upgraded in any order.',
      releases: [],
      needTwoReleases: [],
    };
  }
  if (both.length === 0 && (readers.length === 0 || writers.length === 0)) {
    const first = readers.length ? 'readers' : 'writers';
    const group = readers.length ? readers : writers;
    return {
      verdict: first === 'readers' ? 'readers-first' : 'writers-first',
      headline: namedHeadline(first, group) ?? (first === 'readers' ? 'Upgrade readers and servers first, then writers and clients' : 'Upgrade writers and clients first, then readers and servers'),
      reason:
        first === 'readers'
          ? 'Every change breaks only new-to-old: a baseline node cannot handle what this version sends, so no node may send it until every receiver runs this version.'
          : 'Every change breaks only old-to-new: this version cannot handle what a baseline node sends, so every sender must run this version before a receiver does.',
      releases: [{ title: 'One release', steps: orderedSteps(first, group), changes: group }],
      needTwoReleases: [],
    };
  }

  // Opposite orders cannot both be honoured in one rollout: the writers-first changes wait for a second release.
  const conflict = readers.length > 0 && writers.length > 0;
  const firstGroup: 'readers' | 'writers' = readers.length ? 'readers' : 'writers';
  const release1 = firstGroup === 'readers' ? readers : writers;
  const deferred = conflict ? writers : [];
  const needTwoReleases = [
    ...both.map((change) => ({ change, why: 'it breaks both directions, so no upgrade order is safe', ...expandContract(change) })),
    ...deferred.map((change) => {
      const [callers, callees] = change.roles ? [plural(change.roles.caller), plural(change.roles.callee)] : ['writers and clients', 'readers and servers'];
      return {
        change,
        why: `it needs ${callers} upgraded first, the opposite of the other changes`,
        expand: 'leave it out of release 1.',
        contract: `ship it in release 2, upgrading ${callers} first, then ${callees}.`,
      };
    }),
  ];
  const release1Steps = [
    ...both.map((c) => `${c.path}: ${expandContract(c).expand}`),
    ...(release1.length ? [`Ship ${paths(release1)}.`, ...orderedSteps(firstGroup, release1)] : ['Roll release 1 out to every node, in any order.']),
  ];
  const release2Steps = [
    'Wait until no node runs the baseline any more.',
    ...both.map((c) => `${c.path}: ${expandContract(c).contract}`),
    ...(deferred.length ? [`Ship ${paths(deferred)}.`, ...orderedSteps('writers', deferred)] : ['Roll release 2 out to every node, in any order.']),
  ];
  return {
    verdict: 'two-releases',
    headline: 'No safe order: these changes need two releases',
    reason: [
      both.length ? 'Some changes break both directions: whatever is upgraded first, old and new nodes cannot read each other.' : '',
      conflict ? 'Some changes need readers and servers upgraded first and others writers and clients first; one rollout cannot do both.' : '',
    ]
      .filter(Boolean)
      .join(' '),
    releases: [
      { title: 'Release 1 (expand)', steps: release1Steps, changes: [...both, ...release1] },
      { title: 'Release 2 (contract)', steps: release2Steps, changes: [...both, ...deferred] },
    ],
    needTwoReleases,
  };
}

/**
 * "Upgrade every node that reads OrderCreated or serves UserService, then …"; contracts whose adapter named their
 * ends are named by those ends: "Upgrade every worker of images, then every producer of images".
 */
function orderedSteps(first: 'readers' | 'writers', changes: readonly PlanChange[]): string[] {
  const generic = changes.filter((c) => !c.roles);
  const messages = unique(generic.filter((c) => c.contractKind === 'message').map((c) => c.contract));
  const services = unique(generic.filter((c) => c.contractKind === 'service').map((c) => c.contract));
  const who = (side: 'readers' | 'writers'): string => {
    const parts: string[] = [];
    if (messages.length) parts.push(`${side === 'readers' ? 'reads' : 'writes'} ${list(messages)}`);
    if (services.length) parts.push(`${side === 'readers' ? 'serves' : 'calls'} ${list(services)}`);
    const named = new Map<string, string[]>();
    for (const c of changes) {
      if (!c.roles) continue;
      const noun = side === 'readers' ? c.roles.callee : c.roles.caller;
      named.set(noun, [...(named.get(noun) ?? []), c.contract]);
    }
    const ends = [...named].map(([noun, contracts]) => `${noun} of ${list(unique(contracts))}`);
    return [...(parts.length ? [`node that ${parts.join(' or ')}`] : []), ...ends].join(', and every ');
  };
  const second = first === 'readers' ? 'writers' : 'readers';
  return [`Upgrade every ${who(first)}.`, `Then upgrade every ${who(second)}.`];
}

/** "Upgrade workers first, then producers" when every change names its ends; otherwise undefined. */
function namedHeadline(first: 'readers' | 'writers', changes: readonly PlanChange[]): string | undefined {
  const roles = changes.map((c) => c.roles);
  if (!roles.every((r) => r !== undefined)) return undefined;
  const ends = (side: 'readers' | 'writers'): string =>
    list(unique(roles.map((r) => plural(side === 'readers' ? r.callee : r.caller))), 'and');
  return `Upgrade ${ends(first)} first, then ${ends(first === 'readers' ? 'writers' : 'readers')}`;
}

/** The two steps that let a change that breaks both ways roll out safely, in the words of its kind of change. */
export function expandContract(change: Pick<PlanChange, 'rule' | 'contractKind'>): ExpandContract {
  const own = ruleById(change.rule)?.meta.expandContract;
  if (own) return own;
  return change.contractKind === 'service'
    ? {
        expand: 'make servers accept both the baseline call and the new one, and keep clients calling and reading the baseline way.',
        contract: 'switch clients to the new call, then drop what only the baseline needed.',
      }
    : {
        expand: 'make this version read both the baseline shape and the new one, but keep writing what the baseline reads.',
        contract: 'start writing the new shape, then drop what only the baseline needed.',
      };
}

export function kindWord(kind: ContractKind): string {
  return kind === 'service' ? 'RPC service' : 'message';
}

/** Each place once, in plan order: several findings at one path (variants of one union) are one change to ship. */
const paths = (changes: readonly PlanChange[]): string => list([...new Set(changes.map((c) => c.path))], 'and');

const unique = (xs: string[]): string[] => [...new Set(xs)].sort();

function list(names: string[], conjunction = 'or'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}
