import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../rules';
import type { Range } from '../engine/shape';
import { toBaselineUri } from '../shared/baseline-uri';
import { ruleDocUrl } from '../rules';
import { againstInWords } from '../report/live-versions';
import { printable } from '../report/printable';
import { findingMessage } from './finding-message';
import type { SeveritySetting } from './settings';

/** What a quick fix will need later without re-running the check. */
export interface SkewDiagnosticData {
  rule: string;
  contract: string;
  path: string;
  breaks: Finding['breaks'];
}

export interface DiagnosticContext {
  root: string;
  baselineCommit: string;
  baselineLabel: string;
  /** More than one baseline is checked: each diagnostic names the ones its finding breaks against. */
  window?: boolean;
  severity: SeveritySetting;
  /** Whether a file (relative to root) exists in the working tree; decides where a whole-contract removal goes. */
  existsInWorkingTree(rel: string): boolean;
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
  if (f.loc) return f.loc;
  const old = f.baselineLoc?.file;
  if (old && ctx.existsInWorkingTree(old)) return { file: old, range: TOP };
  return { file: 'tsconfig.json', range: TOP };
}

export function toDiagnostic(f: Finding, ctx: DiagnosticContext): PlacedDiagnostic {
  const place = placeOf(f, ctx);
  const data: SkewDiagnosticData = { rule: f.rule, contract: f.contract, path: f.path, breaks: f.breaks };
  const diagnostic: Diagnostic = {
    range: place.range,
    severity: severityOf(f, ctx.severity),
    source: 'skew',
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    // Field names and the baseline label come from the repository: no line breaks, escapes or bidi controls.
    message: printable(withAgainst(findingMessage(f, ctx.window ? 'baseline' : ctx.baselineLabel), ctx.window ? f.against : undefined)),
    data,
  };
  if (f.baselineLoc) {
    diagnostic.relatedInformation = [
      {
        location: {
          uri: toBaselineUri({ file: f.baselineLoc.file, commit: ctx.baselineCommit, root: ctx.root }),
          range: f.baselineLoc.range,
        },
        message: printable(`${f.contract} in ${ctx.baselineLabel}`),
      },
    ];
  }
  return { file: path.join(ctx.root, ...place.file.split('/')), diagnostic };
}

/** "… Breaks against deploy/eu (v1.4.0) and deploy/us (v1.3.2)." after the finding's own words. */
function withAgainst(message: string, against: Finding['against']): string {
  const words = againstInWords(against);
  return words ? `${message} Breaks ${words}.` : message;
}

/** Used for `problems` the check reports that are not findings (e.g. a type Skew cannot read). */
export function problemDiagnostic(p: { file: string; range: Range; message: string }, root: string): PlacedDiagnostic {
  return {
    file: path.join(root, ...p.file.split('/')),
    diagnostic: { range: p.range, severity: DiagnosticSeverity.Warning, source: 'skew', message: printable(p.message.replace(/\s*\n\s*/g, ' ')) },
  };
}
