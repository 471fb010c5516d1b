import { createHash } from 'node:crypto';
import { ENGINE_VERSION } from './baseline-model-cache';
import { CacheStore } from '../cache/store';
import type { Comparison } from '../engine/compare-models';
import type { Finding } from '../engine/finding';
import type { Flow } from '../engine/path-steps';

export interface ComparisonKeyParts {
  /** The baseline model's cache entry id (its key and the package files it was built from). */
  baseline: string;
  /** The working-tree model's cache entry id (its key and the texts it was built from). */
  working: string;
  /** The comparison's settings (ignore entries), as JSON. */
  options: string;
}

/**
 * The comparison of two cached models, kept beside them: when both models come from the cache, so does what
 * comparing them found, and a warm `skew check` does no comparing at all. Entries are named by both models'
 * identities and the engine that compared them, so a changed input can never be answered with an old result.
 */
export class ComparisonCache {
  private readonly store: CacheStore;

  constructor(dir: string) {
    this.store = new CacheStore(dir);
  }

  static key(parts: ComparisonKeyParts): string {
    const hash = createHash('sha256');
    for (const part of [ENGINE_VERSION, parts.baseline, parts.working, parts.options]) hash.update(part).update('\0');
    return hash.digest('hex').slice(0, 40);
  }

  read(key: string): Comparison | undefined {
    return this.store.read('comparisons', key, (v) => (isComparison(v) ? v : undefined));
  }

  /** Best effort, like the model caches. */
  write(key: string, comparison: Comparison): void {
    try {
      this.store.write('comparisons', key, comparison);
    } catch {
      // not cached: the next run only loses its speed
    }
  }
}

function isComparison(v: unknown): v is Comparison {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Partial<Comparison>;
  return Array.isArray(c.findings) && Array.isArray(c.suppressed) && Array.isArray(c.changed) && [...c.findings, ...c.suppressed].every(hasPath);
}

const FLOWS: readonly unknown[] = ['message', 'request', 'result'] satisfies Flow[];

/** Fixes and witnesses follow a finding's steps and flow, so an entry written before findings carried them is of no use. */
function hasPath(f: unknown): boolean {
  if (typeof f !== 'object' || f === null) return false;
  const { path, steps, flow } = f as Partial<Finding>;
  return typeof path === 'string' && Array.isArray(steps) && FLOWS.includes(flow);
}
