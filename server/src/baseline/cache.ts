import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { WireModel } from '../engine/shape';

/** Set by the bundler (scripts/build.mjs) to a hash of the sources; absent when running from source. */
declare const SKEW_BUILD_ID: string | undefined;

/**
 * Every cache entry carries this and is ignored under another. A bundle names the exact sources it was built
 * from, so rebuilding skew invalidates everything; the prefix is for running from source (tests, which use
 * fresh cache folders): bump it whenever extraction, the rules or the WireModel format change.
 */
export const ENGINE_VERSION = `skew-model-3+${typeof SKEW_BUILD_ID === 'string' ? SKEW_BUILD_ID : 'source'}`;

/** `--cache-dir`/option → `SKEW_CACHE_DIR` → `$XDG_CACHE_HOME/skew` → `~/.cache/skew`. */
export function cacheDirectory(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return path.resolve(option);
  if (env.SKEW_CACHE_DIR) return path.resolve(env.SKEW_CACHE_DIR);
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'skew');
}

export interface CacheKeyParts {
  commit: string;
  /** skew.json text (undefined when absent). */
  config: string | undefined;
  /** tsconfig.json text and the options it resolved to (extends chains change options without changing the text). */
  tsconfig: string | undefined;
  compilerOptions: unknown;
}

/** Everything that changes the extracted baseline model: the commit, the settings, and the engine itself. */
export function baselineCacheKey(parts: CacheKeyParts): string {
  const hash = createHash('sha256');
  for (const part of [ENGINE_VERSION, parts.commit, parts.config ?? '', parts.tsconfig ?? '', stableJson(parts.compilerOptions)]) {
    hash.update(part).update('\0');
  }
  return hash.digest('hex').slice(0, 40);
}

interface Entry {
  engine: string;
  key: string;
  model: WireModel;
}

/** Baseline models on disk, one JSON file per key; unreadable entries are treated as missing. */
export class ModelCache {
  constructor(readonly dir: string) {}

  fileFor(key: string): string {
    return path.join(this.dir, 'models', `${key}.json`);
  }

  read(key: string): WireModel | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.fileFor(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as Partial<Entry>;
      if (entry.engine !== ENGINE_VERSION || entry.key !== key || !isModel(entry.model)) return undefined;
      return entry.model;
    } catch {
      return undefined;
    }
  }

  write(key: string, model: WireModel): void {
    const entry: Entry = { engine: ENGINE_VERSION, key, model };
    writeJsonAtomically(this.fileFor(key), entry);
  }
}

function isModel(v: unknown): v is WireModel {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return typeof m.contracts === 'object' && m.contracts !== null && typeof m.types === 'object' && m.types !== null;
}

export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  ) ?? '';
}

/**
 * Writes `value` as JSON to a temporary file beside `file` and renames it over `file`, so a concurrent reader
 * (another skew, the language server) never sees half an entry. Creates the folder; throws what fails.
 */
export function writeJsonAtomically(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(value));
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the write's own error is the one worth reporting
    }
    throw e;
  }
}
