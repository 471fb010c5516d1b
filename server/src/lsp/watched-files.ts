/** Files whose change can move the baseline or change what is checked. Globs for workspace/didChangeWatchedFiles. */
export const WATCHED_GLOBS = [
  '**/.git/refs/tags/**',
  '**/.git/packed-refs',
  '**/skew.json',
  '**/tsconfig.json',
  '**/*.{ts,tsx,mts,cts}',
];

export type WatchedChange = 'refs' | 'project' | 'source';

/**
 * `refs`: a tag may have moved; `project`: skew.json or tsconfig.json changed, the session must be rebuilt;
 * `source`: a file changed on disk (a save, a checkout, another tool), so texts read earlier are stale.
 */
export function classifyWatched(file: string): WatchedChange | undefined {
  const posix = file.split('\\').join('/');
  if (/\/\.git\/(refs\/tags\/|packed-refs$)/.test(posix)) return 'refs';
  if (/(^|\/)(skew|tsconfig)\.json$/.test(posix)) return 'project';
  if (/\.(ts|tsx|mts|cts)$/.test(posix)) return 'source';
  return undefined;
}
