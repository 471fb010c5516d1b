import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGINE_VERSION, writeJsonAtomically } from '../baseline/cache';
import type { ExtractResult } from '../contracts/extractor';
import type { SourceTree } from '../contracts/source';

export interface WorkingKeyParts {
  root: string;
  config: string | undefined;
  tsconfig: string | undefined;
  compilerOptions: string;
  /** Every candidate source file: a new or deleted file can change discovery or module resolution. */
  listing: readonly string[];
  /** The contract files discovery found. */
  roots: readonly string[];
}

interface Entry {
  engine: string;
  key: string;
  /** Content hash of every project file the program loaded. */
  inputs: Record<string, string>;
  result: ExtractResult;
}

/**
 * The working tree's extracted model from the previous run, reused when none of the files it was built from
 * changed: a second `skew check` with nothing edited then skips building a TypeScript program. The key covers
 * what decides which files are loaded; the entry records a hash of each loaded file's text.
 */
export class WorkingModelCache {
  constructor(private readonly dir: string) {}

  static key(parts: WorkingKeyParts): string {
    const hash = createHash('sha256');
    for (const part of [ENGINE_VERSION, 'working', parts.root, parts.config ?? '', parts.tsconfig ?? '', parts.compilerOptions]) {
      hash.update(part).update('\0');
    }
    for (const list of [parts.listing, parts.roots]) hash.update(list.join('\0')).update('\u0001');
    return hash.digest('hex').slice(0, 40);
  }

  /**
   * The cached extraction when every file it read still has the same text in `tree`, with an id that names
   * exactly that model (the key and the texts it was built from).
   */
  read(key: string, tree: SourceTree): { result: ExtractResult; id: string } | undefined {
    let entry: Partial<Entry>;
    try {
      entry = JSON.parse(fs.readFileSync(this.fileFor(key), 'utf8')) as Partial<Entry>;
    } catch {
      return undefined; // not cached: the next run only loses its speed
    }
    if (entry.engine !== ENGINE_VERSION || entry.key !== key || !entry.inputs || !isResult(entry.result)) return undefined;
    for (const [rel, digest] of Object.entries(entry.inputs)) {
      const text = tree.readFile(rel);
      if (text === undefined || hashText(text) !== digest) return undefined;
    }
    return { result: entry.result, id: entryId(key, entry.inputs) };
  }

  /** Best effort: a cache that cannot be written only costs the next run its speed. Returns the entry's id. */
  write(key: string, tree: SourceTree, result: ExtractResult): string | undefined {
    const inputs: Record<string, string> = {};
    for (const rel of result.files) {
      const text = tree.readFile(rel);
      if (text === undefined) return undefined;
      inputs[rel] = hashText(text);
    }
    const file = this.fileFor(key);
    try {
      const entry: Entry = { engine: ENGINE_VERSION, key, inputs, result };
      writeJsonAtomically(file, entry);
    } catch {
      return undefined; // not cached: the next run only loses its speed
    }
    return entryId(key, inputs);
  }

  private fileFor(key: string): string {
    return path.join(this.dir, 'working', `${key}.json`);
  }
}

const hashText = (text: string): string => createHash('sha1').update(text).digest('hex');

function entryId(key: string, inputs: Record<string, string>): string {
  const hash = createHash('sha256').update(key);
  for (const rel of Object.keys(inputs).sort()) hash.update('\0').update(rel).update('\0').update(inputs[rel]!);
  return hash.digest('hex').slice(0, 40);
}

function isResult(v: unknown): v is ExtractResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<ExtractResult>;
  return typeof r.model === 'object' && r.model !== null && Array.isArray(r.files) && Array.isArray(r.problems);
}
