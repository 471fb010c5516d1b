import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { Severity } from '../engine/finding';
import { ruleDocUrl } from '../rules';
import { rules } from '../rules';
import { baselineLine, type ReportFinding, type ReportLocation, type ReportModel } from './report-model';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/skew-dev/skew';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

/** `field-required-added` → `FieldRequiredAdded`: SARIF's `name` is an identifier-like label. */
const pascal = (id: string): string => id.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());

/**
 * SARIF 2.1.0 for code-scanning uploads: one run, every rule described (so findings link to their docs), and
 * suppressed findings present but marked, as the format intends. Paths are relative to the repository root.
 */
export function toSarif(report: ReportModel): Sarif.Log {
  const ruleIndex = new Map<string, number>(rules.map((r, i) => [r.meta.id, i]));
  const descriptors: Sarif.ReportingDescriptor[] = rules.map((r) => ({
    id: r.meta.id,
    name: pascal(r.meta.id),
    shortDescription: { text: r.meta.description },
    fullDescription: { text: r.meta.description },
    helpUri: ruleDocUrl(r.meta.id),
    help: {
      text: `${r.meta.description} Which directions it breaks, why, and how to ship the change safely: ${ruleDocUrl(r.meta.id)}`,
      markdown: `${r.meta.description}\n\nWhich directions it breaks, why, and how to ship the change safely: [${r.meta.id}](${ruleDocUrl(r.meta.id)}).`,
    },
    defaultConfiguration: { level: LEVEL[r.meta.severity] },
    properties: { tags: ['compatibility', 'wire-format'], precision: 'very-high' },
  }));
  const all = [...report.contracts.flatMap((c) => c.findings), ...report.suppressed];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'skew', informationUri: INFORMATION_URI, rules: descriptors } },
        results: all.map((f) => result(f, report, ruleIndex.get(f.rule))),
        properties: {
          baseline: { ref: report.baseline.ref, commit: report.baseline.commit, date: report.baseline.date },
          rollout: { verdict: report.plan.verdict, headline: report.plan.headline },
          ...(report.window ? { window: report.window.map((b) => ({ ref: b.ref, commit: b.commit, date: b.date })) } : {}),
          ...(report.persistedRange ? { persistedRange: report.persistedRange.map((b) => ({ ref: b.ref, commit: b.commit })) } : {}),
          ...(report.rollback ? { rollback: { safe: report.rollback.safe, headline: report.rollback.headline } } : {}),
        },
      },
    ],
  };
}

export function formatSarif(report: ReportModel): string {
  return JSON.stringify(toSarif(report), null, 2) + '\n';
}

function result(f: ReportFinding, report: ReportModel, index: number | undefined): Sarif.Result {
  const lines = [f.message, ...f.directions.map((d) => `Breaks ${d.direction}${f.againstWords ? ` ${f.againstWords}` : ''}: ${d.words}.`), `Safe order: ${f.orderWords}.`];
  if (f.accepted) lines.push(f.accepted.expired ? `Accepted until ${f.accepted.until ?? ''}, which is reached: it counts again.` : `Accepted: ${f.accepted.reason}${f.accepted.until ? ` (until ${f.accepted.until})` : ''}.`);
  if (!f.loc && f.baselineLoc) lines.push(`Only the baseline has it (${baselineLine(report.baseline)}).`);
  else if (f.baselineLoc) lines.push(`Baseline definition: ${place(f.baselineLoc)} in ${baselineLine(report.baseline)}.`);
  if (!('none' in f.witness)) lines.push(`Witness: ${oneLine(f.witness)} (${f.witness.explanation})`);
  const out: Sarif.Result = {
    ruleId: f.rule,
    level: LEVEL[f.severity],
    message: { text: lines.join(' ') },
    partialFingerprints: { 'skewFinding/v1': fingerprint(f) },
    properties: { contract: f.contract, path: f.path, breaks: f.breaks, order: f.order },
  };
  if (f.fingerprint) {
    out.fingerprints = { 'skew/v1': f.fingerprint };
    out.properties!.fingerprint = f.fingerprint;
  }
  if (f.against) out.properties!.against = f.against.map((r) => r.label);
  if (f.accepted) out.properties!.accepted = { ...f.accepted };
  if (index !== undefined) out.ruleIndex = index;
  // A removed contract exists only in the baseline; its old place is still the best pointer for a reviewer.
  const loc = f.loc ?? f.baselineLoc;
  if (loc) out.locations = [location(loc, report.workingTree.repoPrefix)];
  if (f.suppressed) {
    out.suppressions = [{ kind: f.suppressed.by === 'comment' ? 'inSource' : 'external', justification: f.suppressed.reason, ...(f.accepted ? { status: 'accepted' as const } : {}) }];
  }
  return out;
}

function location(loc: ReportLocation, prefix: string): Sarif.Location {
  const { start, end } = loc.range;
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(prefix + loc.file), uriBaseId: '%SRCROOT%' },
      region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
    },
  };
}

/**
 * A posix path as a relative URI reference: each segment fully %-encoded, since `encodeURI` leaves `#` and `?`
 * (read as fragment and query) and a `:` in the first segment (read as a scheme).
 */
const relativeUri = (file: string): string => file.split('/').map(encodeURIComponent).join('/');
const place = (loc: ReportLocation): string => `${loc.file}:${loc.range.start.line + 1}:${loc.range.start.character + 1}`;
/** The witness on one line: JSON compacted as before; JavaScript (a codec's Date, Map) with its lines joined. */
function oneLine(w: { json: string; notation?: 'js' }): string {
  if (w.notation !== 'js') return JSON.stringify(JSON.parse(w.json));
  // showValue prints strings escaped, so every line break is layout; none is kept inside brackets.
  const lines = w.json.split('\n').map((l) => l.trim());
  return lines.reduce((out, line) => (out.endsWith('[') || line.startsWith(']') ? out + line : `${out} ${line}`));
}
const fingerprint = (f: ReportFinding): string => createHash('sha256').update(`${f.rule}\0${f.contract}\0${f.path}`).digest('hex').slice(0, 32);
