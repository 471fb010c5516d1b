import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding } from '../rules';
import type { Loc, ModelPair, Range } from '../engine/shape';
import { toBaselineUri } from '../shared/baseline-uri';
import { ruleDocUrl } from '../rules';
import { againstInWords } from '../report/live-versions';
import { printable } from '../report/printable';
import { directionSentence, findingMessage } from './finding-message';
import { pathToUri } from './uris';
import { preciseRange } from './precise-range';
import { baselinePlaces, workingPlaces, type EnumShape } from './place-index';
import type { SeveritySetting } from './settings';

/** What a quick fix will need later without re-running the check. */
export interface SkewDiagnosticData {
  rule: string;
  contract: string;
  path: string;
  breaks: Finding['breaks'];
  /** The other findings this diagnostic stands for (the same change reached through other contracts, shifted enum members). */
  also?: { contract: string; path: string }[];
}

export interface DiagnosticContext {
  root: string;
  baselineCommit: string;
  baselineLabel: string;
  /** More than one baseline is checked: each diagnostic names the ones its finding breaks against. */
  window?: boolean;
  /** The baseline's version inside sentences ("v1.4.0 nodes…"). */
  baselineName: string;
  /** The baseline after a file name in a tab title ("deployed v1.4.0"). */
  baselineTab?: string;
  severity: SeveritySetting;
  /** Whether a file (relative to root) exists in the working tree; decides where a whole-contract removal goes. */
  existsInWorkingTree(rel: string): boolean;
  /** The text the check read for a working-tree file, to place a diagnostic on the changed token itself. */
  textOf?(rel: string): string | undefined;
}

export interface PlacedDiagnostic {
  /** Absolute path of the working-tree file the diagnostic belongs to. */
  file: string;
  diagnostic: Diagnostic;
}

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

const SETTING_SEVERITY: Record<SeveritySetting, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** The setting decides for error findings; a finding that is itself milder keeps its own severity. */
function severityOf(f: Finding, setting: SeveritySetting): DiagnosticSeverity {
  const own =
    f.severity === 'error' ? DiagnosticSeverity.Error : f.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
  return Math.max(own, SETTING_SEVERITY[setting]) as DiagnosticSeverity;
}

/**
 * A finding without a working-tree location is a contract that is gone: show it at the top of the file that
 * held it in the baseline if that file is still there, otherwise at the top of tsconfig.json (the project).
 */
function placeOf(f: Finding, ctx: DiagnosticContext): { file: string; range: Range } {
  if (f.loc) {
    const precise = preciseRange(f, f.loc.range, ctx.textOf?.(f.loc.file));
    return precise ? { file: f.loc.file, range: precise } : f.loc;
  }
  const old = f.baselineLoc?.file;
  if (old && ctx.existsInWorkingTree(old)) return { file: old, range: TOP };
  return { file: 'tsconfig.json', range: TOP };
}

const baselineUri = (ctx: DiagnosticContext, loc: Loc): string =>
  toBaselineUri({ file: loc.file, commit: ctx.baselineCommit, root: ctx.root, label: ctx.baselineTab });
const workingUri = (ctx: DiagnosticContext, loc: Loc): string => pathToUri(path.join(ctx.root, ...loc.file.split('/')));

/**
 * One diagnostic per place and rule: a change to a type that several contracts reach is one problem with one
 * set of fixes, naming every contract it affects.
 */
export function findingDiagnostics(findings: readonly Finding[], ctx: DiagnosticContext, models?: ModelPair): PlacedDiagnostic[] {
  const out: PlacedDiagnostic[] = [];
  const claimed = new Set<Finding>();
  for (const g of enumShiftGroups(findings, models)) {
    g.findings.forEach((f) => claimed.add(f));
    out.push(placed(g.place, [g.standIn, ...g.findings], ctx, true));
  }
  const groups = new Map<string, { place: { file: string; range: Range }; findings: Finding[] }>();
  for (const f of findings) {
    if (claimed.has(f)) continue;
    const place = placeOf(f, ctx);
    const key = JSON.stringify([place.file, place.range, f.rule, f.breaks]);
    const group = groups.get(key);
    if (group) group.findings.push(f);
    else groups.set(key, { place, findings: [f] });
  }
  for (const g of groups.values()) {
    const p = placed(g.place, g.findings, ctx, false);
    if (isPlannedStep(g.findings[0]!, models)) {
      p.diagnostic.severity = DiagnosticSeverity.Information;
      p.diagnostic.message = printable(plannedMessage(g.findings[0]!, ctx.baselineName));
    }
    out.push(p);
  }
  return out;
}

function placed(place: { file: string; range: Range }, group: Finding[], ctx: DiagnosticContext, shift: boolean): PlacedDiagnostic {
  const f = group[0]!;
  const contracts = [...new Set(group.map((g) => g.contract))];
  const data: SkewDiagnosticData = { rule: f.rule, contract: f.contract, path: f.path, breaks: f.breaks };
  // The stand-in of a shift is no finding of its own: the shifted members' findings are what fixes look up.
  const real = shift ? group.slice(1) : group;
  Object.assign(data, { contract: real[0]!.contract, path: real[0]!.path });
  if (real.length > 1) data.also = real.slice(1).map((g) => ({ contract: g.contract, path: g.path }));
  // With several live versions the sentence says "older nodes" and the versions follow it by name.
  const version = ctx.window ? 'older' : ctx.baselineName;
  const own = shift ? shiftMessage(group, version) : findingMessage(f, version, contracts);
  const message = withAgainst(own, ctx.window ? f.against : undefined);
  const diagnostic: Diagnostic = {
    range: place.range,
    severity: severityOf(f, ctx.severity),
    source: 'skew',
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    // Field names and the baseline label come from the repository: no line breaks, escapes or bidi controls.
    message: printable(message),
    data,
  };
  const related: DiagnosticRelatedInformation[] = [];
  if (shift) {
    for (const g of real) {
      if (g.loc) related.push({ location: { uri: workingUri(ctx, g.loc), range: g.loc.range }, message: printable(firstSentence(g.message)) });
    }
  } else {
    const where = f.baselineLoc ? { uri: baselineUri(ctx, f.baselineLoc), range: f.baselineLoc.range } : f.loc ? { uri: workingUri(ctx, f.loc), range: f.loc.range } : undefined;
    if (f.baselineLoc && where) related.push({ location: where, message: printable(`${f.contract} in ${ctx.baselineLabel}`) });
    if (where) {
      for (const dir of f.breaks) related.push({ location: where, message: printable(`${dir}: ${directionSentence(dir, f.contractKind, f.contract, ctx.baselineName, f.roles)}`) });
    }
    for (const g of group.slice(1)) {
      if (g.baselineLoc) related.push({ location: { uri: baselineUri(ctx, g.baselineLoc), range: g.baselineLoc.range }, message: printable(`also affects ${g.contract} (${g.path})`) });
    }
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  return { file: path.join(ctx.root, ...place.file.split('/')), diagnostic };
}

/** "… Breaks against deploy/eu (v1.4.0) and deploy/us (v1.3.2)." after the finding's own words. */
function withAgainst(message: string, against: Finding['against']): string {
  const words = againstInWords(against);
  return words ? `${message} Breaks ${words}.` : message;
}

const firstSentence = (message: string): string => message.split(/;\s/)[0] ?? message;

function shiftMessage(group: Finding[], version: string): string {
  const inserted = group[0]!;
  const names = group.slice(1).map((g) => g.steps.at(-1)).map((s) => (s && s.kind === 'enum-member' ? `\`${s.key}\`` : '?'));
  const shown = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3}`;
  return `${version} nodes read ${shown} as other members: inserting ${insertedName(inserted)} renumbered them. Pin the values. [${inserted.breaks.join(', ')}]`;
}

const insertedName = (f: Finding): string => {
  const m = /^Inserted `([^`]*)`/.exec(f.message);
  return m ? `\`${m[1]}\`` : 'a member';
};

/**
 * Inserting a member into an implicitly numbered enum shifts every member after it: one diagnostic on the
 * inserted member (the change the user made), naming the shifted ones. The stand-in finding carries the
 * inserted member's name and place.
 */
interface ShiftGroup {
  place: Loc;
  standIn: Finding;
  findings: Finding[];
}

function enumShiftGroups(findings: readonly Finding[], models: ModelPair | undefined): ShiftGroup[] {
  if (!models) return [];
  const shifted = findings.filter((f) => f.rule === 'enum-value-changed' && f.loc && f.baselineLoc);
  if (shifted.length === 0) return [];
  const working = workingPlaces(models.working, models.baseline);
  const byEnum = new Map<EnumShape, Finding[]>();
  for (const f of shifted) {
    const e = working.enumAt(f.loc!);
    if (!e) continue;
    const list = byEnum.get(e) ?? [];
    list.push(f);
    byEnum.set(e, list);
  }
  const out: ShiftGroup[] = [];
  for (const [e, list] of byEnum) {
    const first = list[0]!;
    const old = baselinePlaces(models.baseline).enumAt(first.baselineLoc!);
    if (!old) continue;
    const oldKeys = new Set(old.members.map((m) => m.key));
    const inserted = e.members.find((m) => !oldKeys.has(m.key) && m.loc);
    if (!inserted?.loc) continue;
    const standIn: Finding = { ...first, message: `Inserted \`${inserted.key}\``, loc: inserted.loc };
    out.push({ place: inserted.loc, standIn, findings: list });
  }
  return out;
}

/**
 * A field made optional and marked `@deprecated` is the first release of an expand/contract plan (what the
 * "Restore … (optional, deprecated)" fix writes): what is left is the plan's second step, so it is information.
 */
function isPlannedStep(f: Finding, models: ModelPair | undefined): boolean {
  return f.rule === 'field-made-optional' && !!models && !!f.loc && !!workingPlaces(models.working, models.baseline).fieldAt(f.loc)?.deprecated;
}

function plannedMessage(f: Finding, version: string): string {
  const step = f.steps.at(-1);
  const name = step?.kind === 'field' ? `\`${step.name}\`` : f.path;
  return `Expand/contract step 1 is in place: keep writing ${name} while ${version} nodes run; step 2 removes it once none is left.`;
}

/** Used for `problems` the check reports that are not findings (e.g. a type Skew cannot read). */
export function problemDiagnostic(p: { file: string; range: Range; message: string }, root: string): PlacedDiagnostic {
  return {
    file: path.join(root, ...p.file.split('/')),
    diagnostic: { range: p.range, severity: DiagnosticSeverity.Warning, source: 'skew', message: printable(p.message.replace(/\s*\n\s*/g, ' ')) },
  };
}
