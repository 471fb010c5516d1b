import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Size caps for files a repository hands us. skew.json is a handful of globs; the cap for everything else
 * (tsconfig files, sources, installed declarations) is far above any hand-written or generated file we have
 * met (the largest .d.ts in common packages is a few hundred KB) and far below what would exhaust memory.
 */
export const CONFIG_FILE_LIMIT = 1024 * 1024;
export const SOURCE_FILE_LIMIT = 8 * 1024 * 1024;

/** A file Skew will not read: not a regular file, or larger than its cap. The message names the file. */
export class RefusedFile extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'RefusedFile';
  }
}

// Opening a FIFO for reading blocks until a writer appears; non-blocking, the open returns and fstat says what it is.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The text of `file` if it is a regular file of at most `limit` bytes; undefined when it does not exist (or is
 * a folder). A device (`/dev/zero`, `/dev/stdin`), pipe or socket, or a larger file, throws RefusedFile: a
 * committed symlink must not make Skew read forever or read its own protocol pipe. Other errors are thrown
 * as they are.
 */
export function readTextFile(file: string, limit: number): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    // A socket reached through /proc (a child's /dev/stdin) cannot even be opened.
    if (code === 'ENXIO') throw new RefusedFile(file, NOT_REGULAR);
    throw e;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return undefined;
    if (!stat.isFile()) throw new RefusedFile(file, NOT_REGULAR);
    if (stat.size > limit) throw new RefusedFile(file, tooLarge(limit));
    // The size can change between fstat and the reads: read at most one byte past the cap to notice.
    let buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(buffer.length, limit + 1 - length))]);
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > limit) throw new RefusedFile(file, tooLarge(limit));
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    fs.closeSync(fd);
  }
}

const NOT_REGULAR = 'not a regular file (a device, pipe or socket): Skew does not read it';
const tooLarge = (limit: number) => `larger than ${limit / (1024 * 1024)} MB: Skew does not read files that large`;

/** `file`'s real location (symlinks resolved), or undefined when it does not exist. */
export function realLocation(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/** Whether the absolute path `inner` is `outer` or below it (both already real paths). */
export function isWithin(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** Removes a UTF-8 byte order mark, which editors on Windows write and JSON.parse rejects. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
