import type { MemberSpan } from '../contracts/member-spans';
import type { ParsedFile } from '../contracts/parsed-file';
import { routerLiteralFor } from '../contracts/router-object-literal';
import type { Range } from '../engine/shape';
import type { Finding } from '../rules';
import { code, newFile } from './locate';
import { reindent, requote } from './member-text';
import { safeFix } from './safe-fix';
import { indentAt, styleOf } from './style';
import { editAt } from './text-edits';
import type { Fix, FixInput, NoFix } from './types';

/**
 * A procedure removed from (or renamed in) a router written as an object literal (tRPC `t.router({...})`, an
 * oRPC `{...}` router) comes back as the baseline wrote it, deprecated, at the end of the same router. Only in
 * the baseline's own file: the procedure's text uses that file's names (`t`, `z`, `publicProcedure`).
 */
export function restoreProcedure(finding: Finding, input: FixInput, old: ParsedFile, oldProperty: MemberSpan, baselineName: Range): Fix[] | NoFix {
  const file = old.file;
  const target = newFile(input, file);
  const literal = target && routerLiteralFor(old, baselineName, target);
  const last = literal?.properties[literal.properties.length - 1];
  if (!target || !literal || !last) return { reason: `Cannot find the router that served ${code(oldProperty.name)} in ${file}; restore it by hand.` };
  const style = styleOf(target);
  const text = target.text;
  const indent = indentAt(text, last.getStart(target.source));
  const renamedTo = finding.rule === 'rpc-method-renamed' ? /[^.]+$/.exec(finding.path)?.[0] : undefined;
  const clients = `${input.baselineLabel} clients`;
  const doc = `/** @deprecated ${renamedTo ? `use ${renamedTo}; ` : ''}still called by ${clients} */`;
  const baselineText = old.text.slice(oldProperty.nameSpan.start, oldProperty.initializer?.end ?? oldProperty.nameSpan.end);
  const oldStyle = styleOf(old);
  const property = reindent(requote(baselineText, style.quote), indentAt(old.text, oldProperty.nameSpan.start), oldStyle.indentUnit, indent, style.indentUnit, style.eol);
  const lastEnd = last.getEnd();
  const comma = /^[ \t]*,/.exec(text.slice(lastEnd));
  const multiline = text.slice(literal.getStart(target.source), last.getStart(target.source)).includes('\n');
  const insert = multiline
    ? `${comma ? '' : ','}${style.eol}${indent}${doc}${style.eol}${property}${comma ? ',' : ''}`
    : `${comma ? '' : ','} ${doc} ${property.trimStart()}${comma ? ',' : ''}`;
  const at = comma ? lastEnd + comma[0].length : lastEnd;
  return [safeFix(finding, `Restore ${code(oldProperty.name)} as deprecated so ${clients} can still call it`, [editAt(target, at, at, insert)])];
}

