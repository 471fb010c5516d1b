import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { inputsDigest, inputsUnchanged, isRecordedInputs, NO_INPUTS, type InputView, type RecordedInputs } from '../cache/recorded-inputs';
import { CacheStore, ENGINE_VERSION } from '../cache/store';
import type { WireModel } from '../engine/shape';

export { ENGINE_VERSION };

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
  /** A monorepo package's workspace root, whose files its model may read (undefined: none). */
  reach?: string;
}

/** Everything that changes the extracted baseline model: the commit, the settings, and the engine itself. */
export function baselineCacheKey(parts: CacheKeyParts): string {
  const hash = createHash('sha256');
  for (const part of [ENGINE_VERSION, parts.commit, parts.config ?? '', parts.tsconfig ?? '', stableJson(parts.compilerOptions)]) {
    hash.update(part).update('\0');
  }
  // Only when set, so the keys of single projects stay as they were.
  if (parts.reach !== undefined) hash.update('reach\0').update(parts.reach);
  return hash.digest('hex').slice(0, 40);
}

interface Entry {
  model: WireModel;
  /** What the build read of installed packages (node_modules), which the commit does not fix. */
  inputs: RecordedInputs;
}

/**
 * Baseline models on disk, one entry per key. An entry is used only while the installed packages it read
 * still read the same: a CI run with a restored cache and fresh `npm ci` agrees with a cold run.
 */
export class ModelCache {
  private readonly store: CacheStore;

  constructor(readonly dir: string) {
    this.store = new CacheStore(dir);
  }

  fileFor(key: string): string {
    return this.store.fileFor('models', key);
  }

  /** The model, when its recorded inputs read the same in `view` (an entry that recorded any needs one). */
  read(key: string, view?: InputView): WireModel | undefined {
    return this.readEntry(key, view)?.model;
  }

  /** The model and an id naming it exactly (its key and the package files it was built from). */
  readEntry(key: string, view?: InputView): { model: WireModel; id: string } | undefined {
    const entry = this.store.read('models', key, (v) => (isEntry(v) ? v : undefined));
    if (!entry) return undefined;
    if (!isEmpty(entry.inputs) && !(view && inputsUnchanged(view, entry.inputs))) return undefined;
    return { model: entry.model, id: ModelCache.id(key, entry.inputs) };
  }

  /** Throws what writing failed with. */
  write(key: string, model: WireModel, inputs: RecordedInputs = NO_INPUTS): void {
    const entry: Entry = { model, inputs };
    this.store.write('models', key, entry);
  }

  static id(key: string, inputs: RecordedInputs): string {
    return createHash('sha256').update(key).update('\0').update(inputsDigest(inputs)).digest('hex').slice(0, 40);
  }
}

function isEntry(v: unknown): v is Entry {
  return typeof v === 'object' && v !== null && isModel((v as Entry).model) && isRecordedInputs((v as Entry).inputs);
}

const isEmpty = (inputs: RecordedInputs): boolean =>
  !Object.keys(inputs.reads).length && !Object.keys(inputs.files).length && !Object.keys(inputs.dirs).length;

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
