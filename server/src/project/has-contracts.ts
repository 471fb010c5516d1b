import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTextFile, SOURCE_FILE_LIMIT } from '../common/safe-read';
import { isSourceFile } from '../baseline/tree-paths';
import { dependenciesOf } from '../common/dependencies';
import { ADAPTER_PACKAGES } from '../adapters/names';

/**
 * What makes a file declare contracts before any model is built. A check that succeeds counts every contract
 * it found (adapters' included), so this only has to decide whether Skew speaks up in a folder at all.
 */
const CONTRACT_MARKERS: readonly RegExp[] = [
  /@(wire|rpc)\b/,
  // RPC frameworks whose routers an adapter turns into contracts: an import of one is enough to speak up.
  /from\s+['"]@(trpc\/server|orpc\/server|orpc\/contract)['"]/,
];
const CONFIG_FILES = ['skew.json'];
/** A folder this big is checked anyway: scanning it would cost more than the check it decides about. */
const MAX_FILES = 5_000;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out', 'build', 'coverage']);

export const declaresContracts = (text: string): boolean => CONTRACT_MARKERS.some((m) => m.test(text));

const ADAPTER_LIBRARIES = new Set(Object.values(ADAPTER_PACKAGES).flat());

/** Whether package.json depends on a library an adapter reads contracts from: that is what turns the adapter on. */
function dependsOnAdapterLibrary(folder: string): boolean {
  let text: string | undefined;
  try {
    text = readTextFile(path.join(folder, 'package.json'), SOURCE_FILE_LIMIT);
  } catch {
    return false;
  }
  return [...dependenciesOf(text)].some((name) => ADAPTER_LIBRARIES.has(name));
}

/**
 * True when the folder has a skew.json, depends on a library an adapter reads, or has a source file with a `@wire`
 * or `@rpc` tag or an RPC framework's import.
 */
export function folderHasContracts(folder: string): boolean {
  if (CONFIG_FILES.some((f) => fs.existsSync(path.join(folder, f)))) return true;
  if (dependsOnAdapterLibrary(folder)) return true;
  const pending = [folder];
  let seen = 0;
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) pending.push(full);
        continue;
      }
      if (!e.isFile() || !isSourceFile(e.name) || e.name.endsWith('.d.ts')) continue;
      if (++seen > MAX_FILES) return true;
      try {
        if (declaresContracts(readTextFile(full, SOURCE_FILE_LIMIT) ?? '')) return true;
      } catch {
        // An unreadable file declares nothing Skew could check.
      }
    }
  }
  return false;
}
