import { createHash } from 'node:crypto';
import { ENGINE_VERSION } from './baseline-model-cache';
import { inputsDigest, inputsUnchanged, isRecordedInputs, NO_INPUTS, type RecordedInputs } from '../cache/recorded-inputs';
import { CacheStore } from '../cache/store';
import type { ExtractResult } from '../contracts/extractor';
import type { SourceTree } from '../common/source';

export interface WorkingKeyParts {
  root: string;
  config: string | undefined;
  tsconfig: string | undefined;
  compilerOptions: string;
  /** Every candidate source file: a new or deleted file can change discovery or module resolution. */
  listing: readonly string[];
  /** The contract files discovery found. */
  roots: readonly string[];
  /** A monorepo package's workspace root, whose files its model may read (undefined: none). */
  reach?: string;
}

interface Entry {
  /** Content hash of every project file the program loaded. */
  inputs: Record<string, string>;
  /** What the build read or looked for besides the listed source files (installed packages, package.json). */
  seen: RecordedInputs;
  result: ExtractResult;
}

/**
 * The working tree's extracted model from the previous run, reused when none of the files it was built from
 * changed: a second `skew check` with nothing edited then skips building a TypeScript program. The key covers
 * what decides which files are loaded; the entry records a hash of each loaded file's text.
 */
export class WorkingModelCache {
  private readonly store: CacheStore;

  constructor(dir: string) {
    this.store = new CacheStore(dir);
  }

  static key(parts: WorkingKeyParts): string {
    const hash = createHash('sha256');
    for (const part of [ENGINE_VERSION, 'working', parts.root, parts.config ?? '', parts.tsconfig ?? '', parts.compilerOptions]) {
      hash.update(part).update('\0');
    }
    for (const list of [parts.listing, parts.roots]) hash.update(list.join('\0')).update('\u0001');
    if (parts.reach !== undefined) hash.update('reach\0').update(parts.reach);
    return hash.digest('hex').slice(0, 40);
  }

  /**
   * The cached extraction when every file it read still has the same text in `tree`, with an id that names
   * exactly that model (the key and the texts it was built from).
   */
  read(key: string, tree: SourceTree): { result: ExtractResult; id: string } | undefined {
    const entry = this.store.read('working', key, (v) => (isEntry(v) ? v : undefined));
    if (!entry) return undefined; // not cached: the next run only loses its speed
    for (const [rel, digest] of Object.entries(entry.inputs)) {
      const text = tree.readFile(rel);
      if (text === undefined || hashText(text) !== digest) return undefined;
    }
    if (!inputsUnchanged(tree, entry.seen)) return undefined;
    return { result: entry.result, id: entryId(key, entry.inputs, entry.seen) };
  }

  /** Best effort: a cache that cannot be written only costs the next run its speed. Returns the entry's id. */
  write(key: string, tree: SourceTree, result: ExtractResult, seen: RecordedInputs = NO_INPUTS): string | undefined {
    const inputs: Record<string, string> = {};
    for (const rel of result.files) {
      const text = tree.readFile(rel);
      if (text === undefined) return undefined;
      inputs[rel] = hashText(text);
    }
    try {
      const entry: Entry = { inputs, seen, result };
      this.store.write('working', key, entry);
    } catch {
      return undefined; // not cached: the next run only loses its speed
    }
    return entryId(key, inputs, seen);
  }
}

const hashText = (text: string): string => createHash('sha1').update(text).digest('hex');

function entryId(key: string, inputs: Record<string, string>, seen: RecordedInputs): string {
  const hash = createHash('sha256').update(key);
  for (const rel of Object.keys(inputs).sort()) hash.update('\0').update(rel).update('\0').update(inputs[rel]!);
  return hash.update('\u0001').update(inputsDigest(seen)).digest('hex').slice(0, 40);
}

function isEntry(v: unknown): v is Entry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<Entry>;
  const inputs = e.inputs as unknown;
  return (
    typeof inputs === 'object' && inputs !== null && Object.values(inputs).every((d) => typeof d === 'string') &&
    isRecordedInputs(e.seen) && isResult(e.result)
  );
}

function isResult(v: unknown): v is ExtractResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<ExtractResult>;
  return typeof r.model === 'object' && r.model !== null && Array.isArray(r.files) && Array.isArray(r.problems);
}
