import type { Severity } from '../engine/finding';
import { baselineLine, workingTreeLine, type DirectionGroup, type ReportFinding, type ReportLocation, type ReportModel } from './report-model';
import { code, fenced, inline, lineStart, text } from './markdown-escape';
import type { Rollback } from './rollback';
import type { RolloutPlan } from './rollout-plan';

export { code, inline, text };

const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const GROUP_WORDS: Record<DirectionGroup, string> = { 'old-to-new': 'old-to-new only', 'new-to-old': 'new-to-old only', both: 'both directions' };

/**
 * The report as GitHub-flavoured Markdown, for a pull-request comment or a file. Everything that comes from the
 * code (names, messages, literal values) is escaped or put in code spans, so a literal type such as `"<script>"`
 * shows as text.
 */
export function formatMarkdown(report: ReportModel): string {
  const out: string[] = [];
  out.push('## Skew compatibility report', '');
  if (report.window) out.push(`**Live versions (${report.window.length}):** ${report.window.map((b) => code(baselineLine(b))).join(', ')}, ${inline(report.baseline.how)}  `);
  else out.push(`**Baseline:** ${code(baselineLine(report.baseline))}, ${inline(report.baseline.how)}  `);
  if (report.persistedRange) out.push(`**Persisted data from:** ${report.persistedRange.map((b) => code(b.ref)).join(', ')}  `);
  const wt = workingTreeLine(report.workingTree);
  out.push(`**Working tree:** ${wt ? text(wt) : 'state unknown (git could not tell)'}`, '');

  out.push('### Summary', '');
  const s = report.summary;
  out.push(
    `${s.contractsChecked} contract${s.contractsChecked === 1 ? '' : 's'} checked, ${s.contractsChanged} changed; ` +
      `${s.findings} finding${s.findings === 1 ? '' : 's'} in ${s.contractsWithFindings} contract${s.contractsWithFindings === 1 ? '' : 's'}; ` +
      `${s.suppressed} suppressed.`,
    '',
  );
  if (s.findings > 0) {
    out.push('| breaks | error | warning | info |', '|---|---:|---:|---:|');
    for (const group of ['old-to-new', 'new-to-old', 'both'] as const) {
      const row = s.byDirection[group];
      out.push(`| ${GROUP_WORDS[group]} | ${row.error} | ${row.warning} | ${row.info} |`);
    }
    out.push('');
  }

  out.push(...planMarkdown(report.plan));
  if (report.rollback) out.push(...rollbackMarkdown(report.rollback));

  if (report.contracts.length) {
    out.push('### Findings', '');
    for (const c of report.contracts) {
      out.push(`#### ${code(c.name)} (${c.kind === 'service' ? 'RPC service' : 'message'})`, '');
      for (const f of c.findings) out.push(...findingMarkdown(f), '');
    }
  }
  const accepted = report.suppressed.filter((f) => f.accepted);
  if (accepted.length) {
    out.push('### Accepted breaks', '');
    for (const f of accepted) {
      const until = f.accepted?.until ? ` (until ${code(f.accepted.until)})` : '';
      out.push(`- ${code(f.path)} ${ruleLink(f)}: ${text(f.accepted?.reason ?? '')}${until}${f.fingerprint ? `, fingerprint ${code(f.fingerprint)}` : ''}`);
    }
    out.push('');
  }
  const silenced = report.suppressed.filter((f) => !f.accepted);
  if (silenced.length) {
    out.push('### Suppressed', '');
    for (const f of silenced) {
      out.push(`- ${code(f.path)} ${ruleLink(f)}: ${text(f.suppressed?.reason ?? '')} (${f.suppressed?.by === 'config' ? 'skew.json' : 'skew-ignore comment'})`);
    }
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

export function planMarkdown(plan: RolloutPlan): string[] {
  const out = [`### Rollout plan: ${text(plan.headline)}`, '', lineStart(text(plan.reason)), ''];
  for (const release of plan.releases) {
    out.push(`**${text(release.title)}**`, '');
    release.steps.forEach((step, i) => out.push(`${i + 1}. ${text(step)}`));
    out.push('');
  }
  if (plan.needTwoReleases.length) {
    out.push('Changes that need two releases:', '');
    for (const item of plan.needTwoReleases) {
      out.push(`- ${code(item.change.path)} (${text(item.change.rule)}): ${text(item.why)}.`);
      out.push(`  - Expand: ${text(item.expand)}`);
      out.push(`  - Contract: ${text(item.contract)}`);
    }
    out.push('');
  }
  return out;
}

function findingMarkdown(f: ReportFinding): string[] {
  const out = [`- ${SEVERITY_MARK[f.severity]} **${code(f.path)}** ${ruleLink(f)}  `, `  ${lineStart(inline(f.message))}  `];
  for (const d of f.directions) out.push(`  Breaks ${code(d.direction)}${f.againstWords ? ` ${text(f.againstWords)}` : ''}: ${text(d.words)}.  `);
  out.push(`  Safe order: ${text(f.orderWords)}.  `);
  const where = [f.loc ? `source ${code(place(f.loc))}` : undefined, f.baselineLoc ? `baseline ${code(place(f.baselineLoc))}` : undefined].filter(Boolean);
  if (where.length) out.push(`  At ${where.join(', ')}.  `);
  if (f.affects?.length) out.push(`  Also affects ${f.affects.map(code).join(', ')}.  `);
  if (f.accepted?.expired) out.push(`  Accepted until ${code(f.accepted.until ?? '')}, which is reached: it counts again (${text(f.accepted.reason)}).  `);
  if (f.fingerprint) out.push(`  Fingerprint ${code(f.fingerprint)}.  `);
  if ('none' in f.witness) {
    out.push(`  No witness: ${text(f.witness.none)}.`);
  } else {
    const w = f.witness;
    out.push('', '  <details><summary>Witness</summary>', '', `  ${lineStart(inline(w.explanation))}`, '');
    out.push(...fenced(w.json, w.notation ?? 'json').map((l) => `  ${l}`), '', '  </details>');
  }
  return out;
}

const ruleLink = (f: ReportFinding): string => `[${text(f.rule)}](${f.docUrl.replace(/[()\s]/g, encodeURIComponent)})`;
const place = (loc: ReportLocation): string => `${loc.file}:${loc.range.start.line + 1}:${loc.range.start.character + 1}`;

export function rollbackMarkdown(rollback: Rollback): string[] {
  const out = [`### Rollback: ${rollback.safe ? 'safe' : 'unsafe'}`, '', lineStart(text(rollback.headline)) + '.', ''];
  for (const u of rollback.unsafe) {
    out.push(`- ${code(u.path)} (${text(u.rule)}): ${text(u.why)}.`, `  - Plan: ${text(u.plan)}`);
  }
  if (rollback.unsafe.length) out.push('');
  return out;
}
