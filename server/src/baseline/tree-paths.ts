import * as path from 'node:path';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

export const isSourceFile = (rel: string): boolean => SOURCE_EXTENSIONS.some((ext) => rel.endsWith(ext));

/** Relative, posix, no '.', '..', empty segment or trailing slash. */
const CANONICAL = /^(?!\.{1,2}(\/|$))(?!.*\/\.{1,2}(\/|$))(?!.*\/\/)[^/\\:][^\\:]*(?<!\/)$/;

/**
 * A path relative to the project root, posix, without './' or a trailing slash ('' is the root).
 * Absolute paths inside the root are made relative; those outside keep a leading '../'.
 */
export function toRel(root: string, p: string): string {
  // Already in canonical form (what listFiles hands out): the common case, asked for every file on every check.
  if (CANONICAL.test(p)) return p;
  let rel = path.isAbsolute(p) ? path.relative(root, p) : p;
  rel = rel.split(path.sep).join('/');
  rel = path.posix.normalize(rel);
  if (rel === '.' || rel === './') return '';
  return rel.replace(/^\.\//, '').replace(/\/$/, '');
}

/**
 * Installed packages: never in git, so a baseline reads them from the disk. Paths above the project root are
 * not part of any tree (a baseline must not see today's files there).
 */
export const isOutsideGit = (rel: string): boolean => /(^|\/)node_modules(\/|$)/.test(rel);

export const isAboveRoot = (rel: string): boolean => rel === '..' || rel.startsWith('../');

/** Why a path behind a symlink that leaves the repository is not read (in either version). */
export const OUTSIDE_REPOSITORY = 'a symbolic link to a location outside the repository: Skew does not follow it';
