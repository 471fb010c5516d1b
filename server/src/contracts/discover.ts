import picomatch from 'picomatch';
import type { SkewConfig, SourceTree } from '../common/source.js';

export interface Discovery {
  /** Files to root the program at, relative, sorted. */
  roots: string[];
  /** Files matched by skew.json `messages` / `services` globs. */
  messageFiles: Set<string>;
  serviceFiles: Set<string>;
}

/** A word-bounded tag anywhere in the text; a false hit only costs parsing one extra file. */
const TAG = /@(wire|rpc)\b/;

/**
 * Finds contract files without parsing anything: a text scan for the JSDoc tags plus the skew.json globs.
 * The program is then built over these roots only, so its size follows the contracts, not the project.
 */
export function discover(tree: SourceTree, config: SkewConfig): Discovery {
  // A tree hands out a new listing whenever its files may have changed (the working tree: on every refresh),
  // so the same listing means the same texts: the session's cache key and the extractor share one scan.
  const files = tree.listFiles();
  const last = lastScan.get(tree);
  if (last && last.files === files && last.config === config) return last.discovery;
  const discovery = scan(tree, files, config);
  lastScan.set(tree, { files, config, discovery });
  return discovery;
}

const lastScan = new WeakMap<SourceTree, { files: readonly string[]; config: SkewConfig; discovery: Discovery }>();

function scan(tree: SourceTree, files: readonly string[], config: SkewConfig): Discovery {
  const isMessage = matcher(config.messages);
  const isService = matcher(config.services);
  const roots: string[] = [];
  const messageFiles = new Set<string>();
  const serviceFiles = new Set<string>();
  for (const rel of files) {
    const byMessageGlob = isMessage(rel);
    const byServiceGlob = isService(rel);
    if (byMessageGlob) messageFiles.add(rel);
    if (byServiceGlob) serviceFiles.add(rel);
    if (byMessageGlob || byServiceGlob || TAG.test(tree.readFile(rel) ?? '')) roots.push(rel);
  }
  return { roots: roots.sort(), messageFiles, serviceFiles };
}

function matcher(globs: string[] | undefined): (rel: string) => boolean {
  if (!globs || globs.length === 0) return () => false;
  return picomatch(globs.map((glob) => glob.replace(/^\.\//, '')), { dot: true });
}
