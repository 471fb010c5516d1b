import { memberAt, type MemberSpan } from '../contracts/member-spans';
import { namesInScope, referencedTypeNames } from '../contracts/type-names';
import { parseFile, type ParsedFile } from '../contracts/parsed-file';
import type { Finding } from '../rules';
import type { Loc } from '../engine/shape';
import { GLOBAL_TYPES, lastStep } from './finding-path';
import type { FixInput } from './types';

/** The working-tree file a location points into, parsed. */
export function newFile(input: FixInput, file: string | undefined): ParsedFile | undefined {
  const text = file === undefined ? undefined : input.newText(file);
  return text === undefined ? undefined : parseFile(file!, text);
}

export function oldFile(input: FixInput, loc: Loc | undefined): ParsedFile | undefined {
  const text = loc && input.oldText(loc.file);
  return text === undefined ? undefined : parseFile(loc!.file, text);
}

/** Working-tree files where a baseline declaration may still live: its own path first, then the finding's. */
export function candidateNewFiles(finding: Finding, input: FixInput): ParsedFile[] {
  const files = [...new Set([finding.baselineLoc?.file, finding.loc?.file].filter((f): f is string => !!f))];
  return files.map((f) => newFile(input, f)).filter((p): p is ParsedFile => !!p);
}

/** Type names in `text` that `target` neither declares nor imports: restoring the text there would not compile. */
export function missingNames(target: ParsedFile, text: string): string[] {
  const scope = namesInScope(target);
  return referencedTypeNames(text).filter((n) => !scope.has(n) && !GLOBAL_TYPES.has(n));
}

export const code = (s: string): string => `\`${s}\``;

/** The working-tree field or parameter a finding is on, or why it cannot be found there. */
export function fieldOrParameterOf(
  finding: Finding & { loc: Loc },
  input: FixInput,
): { parsed: ParsedFile; member: MemberSpan; name: string } | { reason: string } {
  const parsed = newFile(input, finding.loc.file);
  const member = parsed && memberAt(parsed, finding.loc.range);
  const { name } = lastStep(finding);
  if (!parsed || !member || member.name !== name || (member.kind !== 'property' && member.kind !== 'parameter')) {
    return { reason: `Cannot find ${code(name)} in ${finding.loc.file}.` };
  }
  return { parsed, member, name };
}
