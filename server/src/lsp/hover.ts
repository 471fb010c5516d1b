import { MarkupKind, type Diagnostic, type Hover, type Position } from 'vscode-languageserver';
import { contractAt, relativeToRoot } from './contracts-in-file';
import { findingsFor, statusLine } from './contract-status';
import type { FolderView } from './folder-checker';
import { code, fenced, text } from '../report/markdown-escape';
import { renderContract } from './render-shape';
import { lineDiff } from './line-diff';
import { findingDetail } from './finding-message';
import { ruleDocUrl } from '../rules';
import { toBaselineUri } from '../shared/baseline-uri';
import type { SkewDiagnosticData } from './to-diagnostic';
import { directRefs } from '../engine/reach';
import type { Pos, Range, WireModel } from '../engine/shape';
import { readerPolicies } from './reader-policies';

/** Enough to see what changed without pushing TypeScript's own hover out of sight. */
const MAX_DIFF_LINES = 12;

const before = (a: Pos, b: Pos): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (range: Range, pos: Pos): boolean => before(range.start, pos) && before(pos, range.end);

/**
 * Skew's hover: on a Skew diagnostic, its whole explanation; on a contract's name, what changed (old → new)
 * with a link to the full baseline shape; on a type that contracts reach, which ones.
 */
export function contractHover(view: FolderView, file: string, position: Position, shown: readonly Diagnostic[] = []): Hover | null {
  const found = [nameHover(view, file, position) ?? reachedTypeHover(view, file, position), findingHover(view, position, shown)].filter((h) => h !== null);
  if (found.length === 0) return null;
  const value = found.map((h) => (h.contents as { value: string }).value).join('\n\n---\n\n');
  const range = found.find((h) => h.range)?.range;
  return { contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range } : {}) };
}

function findingHover(view: FolderView, position: Position, shown: readonly Diagnostic[]): Hover | null {
  const here = shown.filter((d) => d.source === 'skew' && d.data && inside(d.range, position));
  const parts: string[] = [];
  for (const d of here) {
    const data = d.data as SkewDiagnosticData;
    const group = [{ contract: data.contract, path: data.path }, ...(data.also ?? [])];
    const f = view.checked.result.findings.find((x) => x.rule === data.rule && x.contract === data.contract && x.path === data.path);
    if (!f) continue;
    const contracts = [...new Set(group.map((g) => g.contract))];
    parts.push(findingDetail(f, view.words.name, contracts, ruleDocUrl(f.rule)));
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}

/**
 * What changed in a contract's shape, with the aliases the user wrote (`items: Sku[]`), unless they hide a change
 * that only the spelled-out types show (`Sku` now stands for `number`): then everything is spelled out.
 */
function shapeDiff(baseline: WireModel, working: WireModel, name: string): string[] {
  const diff = (aliases: boolean) => lineDiff(renderContract(baseline, name, 50, aliases) ?? '', renderContract(working, name, 50, aliases) ?? '');
  const written = diff(true);
  const spelled = diff(false);
  return written.length < spelled.length ? spelled : written;
}

function nameHover(view: FolderView, file: string, position: Position): Hover | null {
  const contract = contractAt(view, file, position);
  const models = view.checked.models;
  if (!contract || !models) return null;
  const kind = contract.kind === 'service' ? 'RPC service' : 'wire message';
  const name = text(contract.name);
  const label = text(view.label);
  const old = models.baseline.contracts[contract.name];
  const lines: string[] = [];
  if (!old) {
    lines.push(`**${name}** (${kind}): new since ${label}, so no node of that version sends or serves it yet.`);
  } else {
    const breaking = findingsFor(view.checked.result.findings, contract.name);
    lines.push(`**${name}** (${kind}): ${text(statusLine(breaking.length, view.label))}.`);
    for (const f of breaking.slice(0, 5)) lines.push(`- ${code(f.rule)} ${text(f.path)}: ${f.breaks.join(', ')}`);
    if (breaking.length > 5) lines.push(`- … ${breaking.length - 5} more`);
    const diff = shapeDiff(models.baseline, models.working, contract.name);
    if (diff.length > 0) {
      const shownLines = diff.slice(0, MAX_DIFF_LINES);
      if (diff.length > MAX_DIFF_LINES) shownLines.push(`  … ${diff.length - MAX_DIFF_LINES} more changed lines`);
      lines.push('', `Changed since ${label}, old → new:`, ...fenced(shownLines.join('\n'), 'diff'));
    }
    const uri = toBaselineUri({ file: old.loc.file, commit: view.checked.result.baseline.commit, root: view.checked.result.root, label: view.words.tab });
    // The path holds the baseline's name in parentheses: escaped, so the Markdown link ends where it should.
    const href = uri.replace(/\(/g, '%28').replace(/\)/g, '%29');
    lines.push('', `[Full shape in ${label}](${href}#L${old.loc.range.start.line + 1})`);
  }
  if (contract.schema) {
    lines.push('', policyLine('Reader policy here', models.working, contract.name));
    if (models.baseline.contracts[contract.name]) lines.push('', policyLine(`Reader policy in ${label}`, models.baseline, contract.name));
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: contract.loc.range };
}

/** The contracts whose shapes reach the named type, directly or through other named types. */
export function contractsReaching(model: WireModel, type: string): string[] {
  const out: string[] = [];
  for (const c of Object.values(model.contracts)) {
    if (c.name === type) continue;
    const starts = c.kind === 'service' ? c.methods.flatMap((m) => [...m.params.map((p) => p.shape), m.result]) : [model.types[c.name]?.shape].filter((s) => s !== undefined);
    const seen = new Set<string>();
    const queue = [...directRefs(starts)];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const named = model.types[next];
      if (named) queue.push(...directRefs([named.shape]));
    }
    if (seen.has(type)) out.push(c.name);
  }
  return out.sort();
}

function reachedTypeHover(view: FolderView, file: string, position: Position): Hover | null {
  const models = view.checked.models;
  const rel = relativeToRoot(view.checked.result.root, file);
  if (!models || !rel) return null;
  const type = Object.values(models.working.types).find((t) => t.loc?.file === rel && inside(t.loc.range, position) && !models.working.contracts[t.name]);
  if (!type?.loc) return null;
  const reaching = contractsReaching(models.working, type.name);
  if (reaching.length === 0) return null;
  const value = `${code(type.name)} travels on the wire inside ${reaching.map((c) => `**${text(c)}**`).join(', ')}: Skew checks its changes against ${text(view.label)}.`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: type.loc.range };
}

/** A schema's unknown-key policy per object: what its reader does with keys it does not declare, and where that is set. */
function policyLine(title: string, model: WireModel, name: string): string {
  const { found, more } = readerPolicies(model, name);
  if (found.length === 0) return `${title}: no object.`;
  const parts = found.map((p) => `${code(p.path)} ${p.policy}${p.loc ? ` (${text(p.loc.file)}:${p.loc.range.start.line + 1})` : ''}`);
  return `${title}: ${parts.join(' · ')}${more ? ' · …' : ''}`;
}
