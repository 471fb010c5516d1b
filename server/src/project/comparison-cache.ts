import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGINE_VERSION, writeJsonAtomically } from '../baseline/cache';
import type { Comparison } from '../engine/compare-models';

export interface ComparisonKeyParts {
  /** The baseline model's cache key. */
  baseline: string;
  /** The working-tree model's cache entry id (its key and the texts it was built from). */
  working: string;
  /** The comparison's settings (ignore entries), as JSON. */
  options: string;
}

interface Entry {
  engine: string;
  key: string;
  comparison: Comparison;
}

/**
 * The comparison of two cached models, kept beside them: when both models come from the cache, so does what
 * comparing them found, and a warm `skew check` does no comparing at all. Entries are named by both models'
 * identities and the engine that compared them, so a changed input can never be answered with an old result.
 */
export class ComparisonCache {
  constructor(private readonly dir: string) {}

  static key(parts: ComparisonKeyParts): string {
    const hash = createHash('sha256');
    for (const part of [ENGINE_VERSION, parts.baseline, parts.working, parts.options]) hash.update(part).update('\0');
    return hash.digest('hex').slice(0, 40);
  }

  read(key: string): Comparison | undefined {
    let entry: Partial<Entry>;
    try {
      entry = JSON.parse(fs.readFileSync(this.fileFor(key), 'utf8')) as Partial<Entry>;
    } catch {
      return undefined; // not cached: the next run only loses its speed
    }
    if (entry.engine !== ENGINE_VERSION || entry.key !== key || !isComparison(entry.comparison)) return undefined;
    return entry.comparison;
  }

  /** Best effort, like the model caches. */
  write(key: string, comparison: Comparison): void {
    const file = this.fileFor(key);
    try {
      const entry: Entry = { engine: ENGINE_VERSION, key, comparison };
      writeJsonAtomically(file, entry);
    } catch {
      // not cached: the next run only loses its speed
    }
  }

  private fileFor(key: string): string {
    return path.join(this.dir, 'comparisons', `${key}.json`);
  }
}

function isComparison(v: unknown): v is Comparison {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Partial<Comparison>;
  return Array.isArray(c.findings) && Array.isArray(c.suppressed) && Array.isArray(c.changed);
}
