import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { contractAt } from './contracts-in-file';
import { findingsFor, statusLine } from './contract-status';
import type { FolderView } from './folder-checker';
import { code, fenced, text } from '../report/markdown-escape';
import { renderContract } from './render-shape';
import { readerPolicies } from './reader-policies';
import type { WireModel } from '../engine/shape';

/** Hover on a contract's name: its status and its shape in the baseline. */
export function contractHover(view: FolderView, file: string, position: Position): Hover | null {
  const contract = contractAt(view, file, position);
  const models = view.checked.models;
  if (!contract || !models) return null;
  const kind = contract.kind === 'service' ? 'RPC service' : 'wire message';
  const baselineShape = renderContract(models.baseline, contract.name);
  // Finding paths hold quoted field names and the label holds a ref from skew.json: both are escaped Markdown.
  const name = text(contract.name);
  const label = text(view.label);
  const lines: string[] = [];
  if (!baselineShape) {
    lines.push(`**${name}** (${kind}): new since ${label}, so no deployed node sends or serves it yet.`);
  } else {
    const breaking = findingsFor(view.checked.result.findings, contract.name);
    lines.push(`**${name}** (${kind}): ${text(statusLine(breaking.length, view.label))}.`);
    for (const f of breaking.slice(0, 5)) lines.push(`- ${code(f.rule)} ${text(f.path)}: ${f.breaks.join(', ')}`);
    if (breaking.length > 5) lines.push(`- … ${breaking.length - 5} more`);
    lines.push('', `In ${label}:`, ...fenced(baselineShape, 'typescript'));
  }
  if (contract.schema) {
    lines.push('', policyLine('Reader policy here', models.working, contract.name));
    if (baselineShape) lines.push('', policyLine(`Reader policy in ${label}`, models.baseline, contract.name));
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: contract.loc.range,
  };
}

/** A schema's unknown-key policy per object: what its reader does with keys it does not declare, and where that is set. */
function policyLine(title: string, model: WireModel, name: string): string {
  const { found, more } = readerPolicies(model, name);
  if (found.length === 0) return `${title}: no object.`;
  const parts = found.map((p) => `${code(p.path)} ${p.policy}${p.loc ? ` (${text(p.loc.file)}:${p.loc.range.start.line + 1})` : ''}`);
  return `${title}: ${parts.join(' · ')}${more ? ' · …' : ''}`;
}
