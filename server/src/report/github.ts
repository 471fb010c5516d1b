import type { Severity } from '../engine/finding';
import { printable } from './printable';
import type { ReportFinding, ReportModel } from './report-model';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one annotation per unsuppressed finding (`::error file=…,line=…::…`),
 * then one notice with the rollout plan. Paths are relative to the repository root, as annotations need.
 */
export function formatGithub(report: ReportModel): string {
  const lines: string[] = [];
  for (const f of report.contracts.flatMap((c) => c.findings)) lines.push(annotation(f, report.workingTree.repoPrefix));
  for (const f of report.suppressed.filter((x) => x.accepted)) {
    lines.push(`::notice title=${property(printable(`skew accepted ${f.rule}: ${f.path}`))}::${data(printable(`Accepted: ${f.accepted?.reason ?? ''}${f.accepted?.until ? ` (until ${f.accepted.until})` : ''}. Fingerprint ${f.fingerprint ?? ''}.`))}`);
  }
  const s = report.summary;
  const against = report.window ? `${report.window.length} live versions (${report.window.map((b) => b.ref).join(', ')})` : report.baseline.ref;
  const summary =
    s.findings === 0
      ? `No breaking changes against ${printable(against)} (${s.contractsChecked} contracts checked, ${s.contractsChanged} changed).`
      : `${s.findings} finding${s.findings === 1 ? '' : 's'} against ${printable(against)}. Rollout: ${printable(report.plan.headline)}. ${printable(report.plan.reason)}`;
  lines.push(`::notice title=${property('Skew compatibility')}::${data(summary)}`);
  if (report.rollback) lines.push(`::${report.rollback.safe ? 'notice' : 'warning'} title=${property('Skew rollback')}::${data(printable(report.rollback.headline))}`);
  return lines.join('\n') + '\n';
}

function annotation(f: ReportFinding, prefix: string): string {
  const props: string[] = [];
  // A removed contract only has its baseline place, which is still where a reviewer should look.
  const loc = f.loc ?? f.baselineLoc;
  if (loc) {
    const { start, end } = loc.range;
    props.push(`file=${property(printable(prefix + loc.file))}`, `line=${start.line + 1}`, `col=${start.character + 1}`);
    if (end.line !== start.line) props.push(`endLine=${end.line + 1}`);
    else props.push(`endColumn=${end.character + 1}`);
  }
  props.push(`title=${property(printable(`skew ${f.rule}: ${f.path}`))}`);
  // Lines of the annotation are ours; what is inside each comes from the code and is made printable.
  const body = [f.message, ...f.directions.map((d) => `Breaks ${d.direction}${f.againstWords ? ` ${f.againstWords}` : ''}: ${d.words}.`), `Safe order: ${f.orderWords}.`, `Docs: ${f.docUrl}`];
  if (f.accepted?.expired) body.push(`Accepted until ${f.accepted.until ?? ''}, which is reached: it counts again.`);
  if (f.fingerprint) body.push(`Fingerprint: ${f.fingerprint}`);
  return `::${COMMAND[f.severity]} ${props.join(',')}::${data(body.map(printable).join('\n'))}`;
}

/** The message part of a workflow command: `%`, CR and LF must be encoded or the command ends early. */
export const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A property value additionally cannot hold `:` or `,`, which separate the command's parts. */
export const property = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
