import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Set by the bundler (scripts/build.mjs) to a hash of the sources; absent when running from source. */
declare const SKEW_BUILD_ID: string | undefined;

/**
 * Every cache entry carries this and is ignored under another. A bundle names the exact sources it was built
 * from, so rebuilding skew invalidates everything; the prefix is for running from source (tests, which use
 * fresh cache folders): bump it whenever extraction, the rules or an entry's format change.
 */
export const ENGINE_VERSION = `skew-model-11+${typeof SKEW_BUILD_ID === 'string' ? SKEW_BUILD_ID : 'source'}`;

/**
 * The folders of a cache directory and the largest entry each may hold: a model of a very large project is tens
 * of megabytes; anything past the cap is not read (it could only be a mistake or an attack) and is dropped.
 */
const MB = 1024 * 1024;
const KINDS = {
  models: 256 * MB,
  working: 256 * MB,
  comparisons: 64 * MB,
  'compiler-options': 4 * MB,
} as const;

export type CacheKind = keyof typeof KINDS;

/** Only names this store writes are read or pruned: the folder may be one the user shares with other files. */
const ENTRY_NAME = /^[0-9a-f]{40}\.json$/;
const TEMP_NAME = /^[0-9a-f]{40}\.json\.\d+\.[0-9a-f]{8}\.tmp$/;
const KEY = /^[0-9a-f]{40}$/;
const SECRET_FILE = 'integrity-key';
const SECRET_BYTES = 32;
const HEADER = 'skew-cache-1 ';

export interface PruneLimits {
  /** Total size of all entries, in bytes. */
  maxBytes: number;
  /** Entries not read or written for this long are removed. */
  maxAgeMs: number;
}

const DEFAULT_MAX_MB = 512;
const DEFAULT_MAX_AGE_DAYS = 30;

/** `SKEW_CACHE_MAX_MB` (default 512) and `SKEW_CACHE_MAX_AGE_DAYS` (default 30); other values fall back to these. */
export function pruneLimits(env: NodeJS.ProcessEnv = process.env): PruneLimits {
  const positive = (text: string | undefined, fallback: number) => {
    const n = text === undefined || text.trim() === '' ? NaN : Number(text);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    maxBytes: positive(env.SKEW_CACHE_MAX_MB, DEFAULT_MAX_MB) * MB,
    maxAgeMs: positive(env.SKEW_CACHE_MAX_AGE_DAYS, DEFAULT_MAX_AGE_DAYS) * 24 * 60 * 60 * 1000,
  };
}

/** Cache folders pruned by this process: pruning walks every entry, so it runs once per run, after a write. */
const pruned = new Set<string>();

/**
 * One cache folder: JSON entries under `<dir>/<kind>/<key>.json`, each stamped with the engine version and
 * sealed with an HMAC keyed by a random secret kept in the folder, so an entry that was edited, truncated or
 * written by another tool is dropped instead of believed. Files are 0600 and folders 0700. Reading takes only
 * regular files up to the kind's size cap; anything wrong with an entry makes it missing, never an error,
 * because a cache only ever costs speed.
 */
export class CacheStore {
  private secret: Buffer | null | undefined;
  private readonly folders = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly limits: PruneLimits = pruneLimits(),
  ) {}

  fileFor(kind: CacheKind, key: string): string {
    return path.join(this.dir, kind, `${key}.json`);
  }

  /**
   * The value stored under `key`, when its seal, engine and key check out and `validate` accepts it (it
   * returns the typed value or undefined). A read marks the entry as recently used.
   */
  read<T>(kind: CacheKind, key: string, validate: (value: unknown) => T | undefined): T | undefined {
    if (!KEY.test(key)) return undefined;
    const file = this.fileFor(kind, key);
    const text = readRegularFile(file, KINDS[kind], true);
    if (text === null) removeQuietly(file);
    if (typeof text !== 'string') return undefined;
    const secret = this.key(false);
    let value: T | undefined;
    try {
      const json = secret && unseal(secret, kind, key, text);
      if (json !== undefined && json !== null) {
        const entry = JSON.parse(json) as { engine?: unknown; key?: unknown; value?: unknown };
        if (entry.engine === ENGINE_VERSION && entry.key === key) value = validate(entry.value);
      }
    } catch {
      // a parse or validation that overflows the stack is a bad entry like any other
      value = undefined;
    }
    // Keys include the engine version, so an entry that fails here would fail on every run: drop it. Without a
    // trusted secret nothing can be told apart, and nothing is removed.
    if (value === undefined && secret) removeQuietly(file);
    return value;
  }

  /** Best effort: throws only what writing failed with, and the caller decides whether that matters. */
  write(kind: CacheKind, key: string, value: unknown): void {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${key}`);
    const secret = this.key(true);
    if (!secret) throw new Error(`the cache folder ${this.dir} is not private to this user`);
    const json = JSON.stringify({ engine: ENGINE_VERSION, key, value });
    const folder = this.folder(kind);
    const file = path.join(folder, `${key}.json`);
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      // 'wx': a file planted under the temporary name is never written through.
      const fd = fs.openSync(tmp, 'wx', 0o600);
      try {
        fs.writeFileSync(fd, seal(secret, kind, key, json));
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
    } catch (e) {
      removeQuietly(tmp);
      throw e;
    }
    if (!pruned.has(this.dir)) {
      pruned.add(this.dir);
      this.prune();
    }
  }

  /**
   * Removes entries unused for longer than the age limit, then the least recently used ones until the total
   * fits the size limit, and temporary files a crashed run left behind. Entries of this run are kept.
   */
  prune(now = Date.now()): void {
    const entries: { file: string; size: number; used: number }[] = [];
    for (const kind of Object.keys(KINDS)) {
      const folder = path.join(this.dir, kind);
      let names: string[];
      try {
        names = fs.readdirSync(folder);
      } catch {
        continue;
      }
      for (const name of names) {
        const isEntry = ENTRY_NAME.test(name);
        if (!isEntry && !TEMP_NAME.test(name)) continue;
        const file = path.join(folder, name);
        let stat: fs.Stats;
        try {
          stat = fs.lstatSync(file);
        } catch {
          continue;
        }
        if (!isEntry) {
          if (now - stat.mtimeMs > 60 * 60 * 1000) removeQuietly(file);
          continue;
        }
        if (!stat.isFile() || now - stat.mtimeMs > this.limits.maxAgeMs) removeQuietly(file);
        else entries.push({ file, size: stat.size, used: stat.mtimeMs });
      }
    }
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    entries.sort((a, b) => a.used - b.used);
    for (const entry of entries) {
      if (total <= this.limits.maxBytes) break;
      if (entry.used >= processStart) continue;
      removeQuietly(entry.file);
      total -= entry.size;
    }
  }

  /** The folder for `kind`, created private to this user (and made so, if an older skew created it open). */
  private folder(kind: CacheKind): string {
    const folder = path.join(this.dir, kind);
    if (this.folders.has(folder)) return folder;
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(folder);
    if (!stat.isDirectory()) throw new Error(`${folder} is not a folder`);
    if ((stat.mode & 0o777) !== 0o700) fs.chmodSync(folder, 0o700);
    this.folders.add(folder);
    return folder;
  }

  /**
   * The folder's sealing secret, created on the first write. Null when the file exists but is not a private
   * regular file of this user: entries sealed with a key others can read or replace prove nothing.
   */
  private key(create: boolean): Buffer | undefined {
    if (this.secret !== undefined) return this.secret ?? undefined;
    const file = path.join(this.dir, SECRET_FILE);
    const found = readSecret(file);
    if (found === undefined && !create) return undefined;
    this.secret = found === undefined ? createSecret(this.dir, file) : found;
    return this.secret ?? undefined;
  }
}

/** Entries used by this run are newer than this and never pruned by it. */
const processStart = Date.now() - performance.now();

function seal(secret: Buffer, kind: string, key: string, json: string): string {
  return `${HEADER}${mac(secret, kind, key, json)}\n${json}`;
}

/** The JSON inside a sealed entry; null when the seal does not match. */
function unseal(secret: Buffer, kind: string, key: string, text: string): string | null {
  const newline = text.indexOf('\n');
  if (!text.startsWith(HEADER) || newline < 0) return null;
  const json = text.slice(newline + 1);
  const found = Buffer.from(text.slice(HEADER.length, newline), 'utf8');
  const expected = Buffer.from(mac(secret, kind, key, json), 'utf8');
  return found.length === expected.length && timingSafeEqual(found, expected) ? json : null;
}

/** Over the kind and key too, so a valid entry copied under another name is rejected. */
function mac(secret: Buffer, kind: string, key: string, json: string): string {
  return createHmac('sha256', secret).update(kind).update('\0').update(key).update('\0').update(json).digest('hex');
}

/** undefined: there is no secret yet; null: there is one that cannot be trusted. */
function readSecret(file: string): Buffer | null | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
  try {
    const stat = fs.fstatSync(fd);
    const uid = process.getuid?.();
    if (!stat.isFile() || stat.size !== SECRET_BYTES || (stat.mode & 0o077) !== 0) return null;
    if (uid !== undefined && stat.uid !== uid) return null;
    const secret = Buffer.alloc(SECRET_BYTES);
    return fs.readSync(fd, secret, 0, SECRET_BYTES, 0) === SECRET_BYTES ? secret : null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a new secret under a temporary name and links it into place, which fails if another process got
 * there first: then its secret is the folder's, and every process seals with the same one. Throws what
 * creating the folder or the file failed with.
 */
function createSecret(dir: string, file: string): Buffer | null {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const secret = randomBytes(SECRET_BYTES);
  try {
    fs.writeFileSync(tmp, secret, { mode: 0o600, flag: 'wx' });
    fs.linkSync(tmp, file);
    return secret;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return readSecret(file) ?? null;
  } finally {
    removeQuietly(tmp);
  }
}

/**
 * The text of `file` if it is a regular file (not a link, device or pipe) of at most `cap` bytes; null when
 * something else is there, undefined when nothing (or nothing readable) is. `touch` marks it used now, which
 * is what pruning goes by.
 */
function readRegularFile(file: string, cap: number, touch: boolean): string | null | undefined {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO planted under an entry's name must not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ELOOP' ? null : undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > cap) return null;
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = fs.readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    if (touch) {
      try {
        const now = new Date();
        fs.futimesSync(fd, now, now);
      } catch {
        // a read-only cache still answers; it just cannot record use
      }
    }
    return buffer.toString('utf8', 0, read);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // pruning and dropping are best effort
  }
}
