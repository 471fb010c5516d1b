import * as path from 'node:path';
import type { SourceTree } from '../common/source.js';

/** Used when a test tree brings no tsconfig.json: strict, and bundler resolution so './user' imports resolve. */
export const DEFAULT_TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022'] },
});

const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;

function normalise(rel: string): string {
  const clean = path.posix.normalize(rel.replace(/\\/g, '/')).replace(/^(\.\/)+/, '');
  return clean === '.' ? '' : clean.replace(/\/$/, '');
}

/**
 * A SourceTree held in memory, for tests and for callers that already have the file contents.
 * A default tsconfig.json is added unless the files bring one or `withDefaultTsconfig` is false.
 */
export function memoryTree(
  files: Record<string, string>,
  label = 'memory',
  { root = '/memory', withDefaultTsconfig = true }: { root?: string; withDefaultTsconfig?: boolean } = {},
): SourceTree {
  const contents = new Map<string, string>();
  for (const [rel, text] of Object.entries(files)) contents.set(normalise(rel), text);
  if (withDefaultTsconfig && !contents.has('tsconfig.json')) contents.set('tsconfig.json', DEFAULT_TSCONFIG);

  const directories = new Set<string>(['']);
  for (const rel of contents.keys()) {
    for (let dir = path.posix.dirname(rel); dir !== '.' && !directories.has(dir); dir = path.posix.dirname(dir)) {
      directories.add(dir);
    }
  }

  return {
    label,
    root,
    listFiles: () =>
      [...contents.keys()].filter((rel) => SOURCE_FILE.test(rel) && !rel.split('/').includes('node_modules')).sort(),
    readFile: (rel) => contents.get(normalise(rel)),
    fileExists: (rel) => contents.has(normalise(rel)),
    directoryExists: (rel) => directories.has(normalise(rel)),
    getDirectories: (rel) => {
      const parent = normalise(rel);
      return [...directories]
        .filter((dir) => dir !== '' && path.posix.dirname(dir) === (parent === '' ? '.' : parent))
        .map((dir) => path.posix.basename(dir));
    },
  };
}
