import * as path from 'node:path';
import type { Contract, Pos } from '../engine/shape';
import type { FolderView } from './folder-checker';

/** Posix path of `file` relative to the project root, or undefined when it lies outside. */
export function relativeToRoot(root: string, file: string): string | undefined {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** The working tree's contracts declared in one file, in source order. */
export function contractsInFile(view: FolderView, file: string): Contract[] {
  const models = view.checked.models;
  const rel = relativeToRoot(view.checked.result.root, file);
  if (!models || !rel) return [];
  return Object.values(models.working.contracts)
    .filter((c) => c.loc.file === rel)
    .sort((a, b) => a.loc.range.start.line - b.loc.range.start.line);
}

const before = (a: Pos, b: Pos): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** The contract whose name is under the cursor. */
export function contractAt(view: FolderView, file: string, pos: Pos): Contract | undefined {
  return contractsInFile(view, file).find((c) => before(c.loc.range.start, pos) && before(pos, c.loc.range.end));
}
