/**
 * Exiting a process drops whatever Node still holds for a pipe: `process.exit` right after a large write hands
 * the reader only the first 64 KB (the pipe buffer) and then end of file, with an exit code that says nothing went
 * wrong. Every command that prints ends through here instead.
 */

/** Resolves once everything written to `stream` so far has reached the OS, or the reader has gone away. */
export function flushed(stream: NodeJS.WritableStream & { destroyed?: boolean; writable?: boolean }): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writable === false) return resolve();
    // Writes complete in order, so the callback of an empty write comes after every earlier one.
    stream.write('', () => resolve());
  });
}

/**
 * A reader that closes early (`skew check | head`) makes further writes fail with EPIPE; that is the reader's
 * choice, not a crash, so it ends the wait quietly instead of throwing from an 'error' event.
 */
export function tolerateClosedReaders(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
}

/** Sets the exit code, waits until stdout and stderr are written out, then exits. */
export async function exitAfterOutput(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
