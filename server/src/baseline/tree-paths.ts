import * as path from 'node:path';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

export const isSourceFile = (rel: string): boolean => SOURCE_EXTENSIONS.some((ext) => rel.endsWith(ext));

/**
 * A path relative to the project root, posix, without './' or a trailing slash ('' is the root).
 * Absolute paths inside the root are made relative; those outside keep a leading '../'.
 */
export function toRel(root: string, p: string): string {
  let rel = path.isAbsolute(p) ? path.relative(root, p) : p;
  rel = rel.split(path.sep).join('/');
  rel = path.posix.normalize(rel);
  if (rel === '.' || rel === './') return '';
  return rel.replace(/^\.\//, '').replace(/\/$/, '');
}

/** Files git never holds for the baseline (installed packages, folders above the root): read from disk. */
export const isOutsideGit = (rel: string): boolean =>
  rel === '..' || rel.startsWith('../') || rel === 'node_modules' || rel.startsWith('node_modules/') || rel.includes('/node_modules/') || rel.endsWith('/node_modules');
