import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ts } from '@ts-morph/common';
import { ENGINE_VERSION, writeJsonAtomically } from '../baseline/cache';
import type { ConfigInputs } from '../contracts/compiler-options';
import type { SourceTree } from '../contracts/source';

type Loaded = { options: ts.CompilerOptions; inputs: ConfigInputs } | { error: string };

interface Entry {
  engine: string;
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
  constructor(private readonly dir: string) {}

  /** The cached options for `tree`, or `load()`'s answer (stored when it is not an error). */
  get(tree: SourceTree, load: () => Loaded): { options: ts.CompilerOptions } | { error: string } {
    const file = this.fileFor(tree.root);
    const cached = this.read(file, tree);
    if (cached) return { options: cached };
    const loaded = load();
    if ('options' in loaded) this.write(file, tree.root, loaded.options, loaded.inputs);
    return loaded;
  }

  private read(file: string, tree: SourceTree): ts.CompilerOptions | undefined {
    let entry: Partial<Entry>;
    try {
      entry = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Entry>;
    } catch {
      return undefined; // not cached: the next run only loses its speed
    }
    if (entry.engine !== ENGINE_VERSION || entry.root !== tree.root || !entry.reads || !entry.probes) return undefined;
    if (typeof entry.options !== 'object' || entry.options === null) return undefined;
    for (const [rel, digest] of Object.entries(entry.reads)) {
      if (hashOrNull(tree.readFile(rel)) !== digest) return undefined;
    }
    for (const [rel, exists] of Object.entries(entry.probes)) {
      if (tree.fileExists(rel) !== exists) return undefined;
    }
    return entry.options;
  }

  /** Best effort: a cache that cannot be written only costs the next run its speed. */
  private write(file: string, root: string, options: ts.CompilerOptions, inputs: ConfigInputs): void {
    const reads: Record<string, string | null> = {};
    for (const [rel, text] of Object.entries(inputs.reads)) reads[rel] = hashOrNull(text);
    const entry: Entry = { engine: ENGINE_VERSION, root, reads, probes: inputs.probes, options };
    try {
      writeJsonAtomically(file, entry);
    } catch {
      // not cached: the next run only loses its speed
    }
  }

  private fileFor(root: string): string {
    return path.join(this.dir, 'compiler-options', `${createHash('sha256').update(root).digest('hex').slice(0, 40)}.json`);
  }
}

const hashOrNull = (text: string | undefined): string | null =>
  text === undefined ? null : createHash('sha1').update(text).digest('hex');
