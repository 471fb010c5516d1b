import type { ContractKind, Direction, Order } from '../engine/finding';
import type { Finding } from '../rules';
import type { ContractRoles, Loc } from '../engine/shape';
import type { CheckResult } from './check-result';
import { againstInWords, checksWindow, listInWords, planChanges } from './live-versions';
import { printable } from './printable';
import { rollbackOf, type Rollback } from './rollback';
import { rolloutPlan, type RolloutPlan } from './rollout-plan';
import { roleOrder, roleSentence } from './role-words';

export { printable };

export interface TextOptions {
  /** ANSI colours; only for a terminal. */
  color?: boolean;
}

/** Who talks to whom when a direction breaks, in the words of the model document or of the contract's roles. */
export function directionInWords(direction: Direction, kind: ContractKind, contract: string, roles?: ContractRoles): string {
  if (roles) return roleSentence(direction, roles, contract, 'the baseline');
  if (kind === 'service') {
    return direction === 'old-to-new'
      ? `baseline clients calling this version's ${contract} server fail`
      : `this version's clients calling a baseline ${contract} server fail`;
  }
  return direction === 'old-to-new'
    ? `a baseline node writing ${contract} cannot be read by this version`
    : `this version writing ${contract} cannot be read by a baseline node`;
}

export function orderInWords(order: Order, roles?: ContractRoles): string {
  const named = roles && roleOrder(order, roles);
  if (named) return named;
  switch (order) {
    case 'readers-first':
      return 'upgrade readers first, then writers';
    case 'writers-first':
      return 'upgrade writers first, then readers';
    case 'servers-first':
      return 'upgrade servers first, then clients';
    case 'clients-first':
      return 'upgrade clients first, then servers';
    case 'none':
      return 'no safe order: needs an expand/contract over two releases';
  }
}

const where = (loc: Loc): string => `${printable(loc.file)}:${loc.range.start.line + 1}:${loc.range.start.character + 1}`;

function style(color: boolean) {
  const wrap = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { bold: wrap('1'), red: wrap('31'), yellow: wrap('33'), dim: wrap('2'), green: wrap('32') };
}

function printableFinding(f: Finding): Finding {
  const out: Finding = { ...f, contract: printable(f.contract), path: printable(f.path), message: printable(f.message) };
  if (f.affects) out.affects = f.affects.map(printable);
  if (f.suppressed) out.suppressed = { ...f.suppressed, reason: printable(f.suppressed.reason) };
  if (f.against) out.against = f.against.map((r) => ({ ...r, ref: printable(r.ref), label: printable(r.label) }));
  if (f.accepted) out.accepted = { ...f.accepted, reason: printable(f.accepted.reason), ...(f.accepted.until ? { until: printable(f.accepted.until) } : {}) };
  return out;
}

export function formatText(checked: CheckResult, options: TextOptions = {}): string {
  const result: CheckResult = {
    ...checked,
    baseline: { ...checked.baseline, ref: printable(checked.baseline.ref) },
    window: checked.window?.map((b) => ({ ...b, ref: printable(b.ref) })),
    findings: checked.findings.map(printableFinding),
    suppressed: checked.suppressed.map(printableFinding),
  };
  const s = style(options.color ?? false);
  const lines: string[] = [];
  const multi = checksWindow(result);
  const byContract = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byContract.get(f.contract) ?? [];
    list.push(f);
    byContract.set(f.contract, list);
  }
  for (const [contract, findings] of [...byContract].sort(([a], [b]) => a.localeCompare(b))) {
    const kind = findings[0]!.contractKind;
    lines.push(s.bold(`${contract} (${kind === 'service' ? 'RPC service' : 'message'})`));
    for (const f of findings) {
      const mark = f.severity === 'error' ? s.red('✖') : f.severity === 'info' ? s.dim('ℹ') : s.yellow('⚠');
      lines.push(`  ${mark} ${f.path}  ${s.dim(f.rule)}`);
      lines.push(`    ${f.message}`);
      const against = multi ? againstInWords(f.against) : undefined;
      for (const d of f.breaks) lines.push(`    breaks ${d}${against ? ` ${against}` : ''}: ${directionInWords(d, f.contractKind, contract, f.roles)}`);
      lines.push(`    safe order: ${orderInWords(f.order, f.roles)}`);
      const at = [f.loc ? `at ${where(f.loc)}` : undefined, f.baselineLoc ? `baseline ${where(f.baselineLoc)}` : undefined];
      if (at.some(Boolean)) lines.push(s.dim(`    ${at.filter(Boolean).join(', ')}`));
      if (f.affects?.length) lines.push(s.dim(`    also affects: ${f.affects.join(', ')}`));
      if (f.accepted?.expired) lines.push(`    accepted until ${f.accepted.until ?? ''}, which is reached: it counts again (${f.accepted.reason})`);
      if (f.fingerprint) lines.push(s.dim(`    fingerprint ${f.fingerprint}`));
    }
    lines.push('');
  }
  const accepted = result.suppressed.filter((f) => f.accepted);
  const silenced = result.suppressed.filter((f) => !f.accepted);
  if (accepted.length) {
    lines.push(s.bold('Accepted breaks:'));
    for (const f of accepted) {
      const until = f.accepted?.until ? ` (until ${f.accepted.until})` : '';
      lines.push(`  ${f.path}  ${f.rule}: ${f.accepted?.reason ?? ''}${until}${f.fingerprint ? s.dim(`  fingerprint ${f.fingerprint}`) : ''}`);
    }
    lines.push('');
  }
  if (silenced.length) {
    lines.push(s.dim('Suppressed:'));
    for (const f of silenced) lines.push(s.dim(`  ${f.path}  ${f.rule}: ${f.suppressed?.reason ?? ''}`));
    lines.push('');
  }
  const breaking = planChanges(result.findings);
  if (breaking.length) lines.push(...planLines(rolloutPlan(breaking), s), '');
  if (result.persistedContracts?.length) lines.push(...rollbackLines(rollbackOf(checked)), '');
  lines.push(summaryLine(result, s));
  return lines.join('\n') + '\n';
}

/** The rollout plan for the whole change set, indented like the findings. */
export function planLines(plan: RolloutPlan, s: ReturnType<typeof style> = style(false)): string[] {
  const lines = [s.bold(`Rollout plan: ${plan.headline}`), `  ${plan.reason}`];
  for (const release of plan.releases) {
    lines.push(`  ${release.title}:`);
    release.steps.forEach((step, i) => lines.push(`    ${i + 1}. ${step}`));
  }
  if (plan.needTwoReleases.length) {
    lines.push('  Needs two releases:');
    for (const item of plan.needTwoReleases) {
      lines.push(`    ${item.change.path} (${item.change.rule}): ${item.why}`);
      lines.push(s.dim(`      expand: ${item.expand}`), s.dim(`      contract: ${item.contract}`));
    }
  }
  return lines;
}

/** The rollback verdict and, per unsafe persisted contract, what the expand/contract split does about it. */
export function rollbackLines(rollback: Rollback): string[] {
  const lines = [`Rollback: ${printable(rollback.headline)}.`];
  for (const u of rollback.unsafe) lines.push(`  ${printable(u.why)}.`, `    plan: ${printable(u.plan)}`);
  return lines;
}

function summaryLine(result: CheckResult, s: ReturnType<typeof style>): string {
  const { contracts, changed, breaking, suppressed } = result.summary;
  const against = (result.window?.length ?? 1) > 1 ? `${result.window!.length} live versions (${listInWords(result.window!.map((b) => b.ref))})` : result.baseline.ref;
  const tail = `${plural(contracts, 'contract')} checked, ${changed} changed${suppressed ? `, ${suppressed} suppressed` : ''}`;
  if (breaking === 0) return s.green(`No breaking changes against ${against}`) + ` (${tail}).`;
  const affected = new Set(result.findings.map((f) => f.contract)).size;
  return s.red(`${plural(breaking, 'breaking change')} in ${plural(affected, 'contract')} against ${against}`) + ` (${tail}).`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
