import { createHash } from 'node:crypto';
import type { ts } from '@ts-morph/common';
import { CacheStore } from '../cache/store';
import type { ConfigInputs } from '../contracts/compiler-options';
import type { SourceTree } from '../common/source';

type Loaded = { options: ts.CompilerOptions; inputs: ConfigInputs } | { error: string };

interface Entry {
  root: string;
  /** Hash of each file read (null: it could not be read). */
  reads: Record<string, string | null>;
  probes: Record<string, boolean>;
  options: ts.CompilerOptions;
}

/**
 * The compiler options resolved from tsconfig.json by an earlier run, reused while every file that resolution
 * read (and every path it probed) is unchanged. Resolving them needs the TypeScript compiler, which takes most
 * of a warm run's start-up; with this, a run whose models all come from the cache never loads it.
 */
export class CompilerOptionsCache {
  private readonly store: CacheStore;

  constructor(dir: string) {
    this.store = new CacheStore(dir);
  }

  /** The cached options for `tree`, or `load()`'s answer (stored when it is not an error). */
  get(tree: SourceTree, load: () => Loaded): { options: ts.CompilerOptions } | { error: string } {
    const key = keyFor(tree.root);
    const cached = this.read(key, tree);
    if (cached) return { options: cached };
    const loaded = load();
    if ('options' in loaded) this.write(key, tree.root, loaded.options, loaded.inputs);
    return loaded;
  }

  private read(key: string, tree: SourceTree): ts.CompilerOptions | undefined {
    const entry = this.store.read('compiler-options', key, (v) => (isEntry(v) ? v : undefined));
    if (!entry || entry.root !== tree.root) return undefined; // not cached: the next run only loses its speed
    for (const [rel, digest] of Object.entries(entry.reads)) {
      if (hashOrNull(tree.readFile(rel)) !== digest) return undefined;
    }
    for (const [rel, exists] of Object.entries(entry.probes)) {
      if (tree.fileExists(rel) !== exists) return undefined;
    }
    return entry.options;
  }

  /** Best effort: a cache that cannot be written only costs the next run its speed. */
  private write(key: string, root: string, options: ts.CompilerOptions, inputs: ConfigInputs): void {
    const reads: Record<string, string | null> = {};
    for (const [rel, text] of Object.entries(inputs.reads)) reads[rel] = hashOrNull(text);
    const entry: Entry = { root, reads, probes: inputs.probes, options };
    try {
      this.store.write('compiler-options', key, entry);
    } catch {
      // not cached: the next run only loses its speed
    }
  }
}

const keyFor = (root: string): string => createHash('sha256').update(root).digest('hex').slice(0, 40);

function isEntry(v: unknown): v is Entry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<Entry>;
  const record = (r: unknown, valid: (x: unknown) => boolean) =>
    typeof r === 'object' && r !== null && !Array.isArray(r) && Object.values(r).every(valid);
  return (
    typeof e.root === 'string' &&
    record(e.reads, (x) => x === null || typeof x === 'string') &&
    record(e.probes, (x) => typeof x === 'boolean') &&
    typeof e.options === 'object' && e.options !== null && !Array.isArray(e.options)
  );
}

const hashOrNull = (text: string | undefined): string | null =>
  text === undefined ? null : createHash('sha1').update(text).digest('hex');
