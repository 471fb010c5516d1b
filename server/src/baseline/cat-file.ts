import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GIT_ENV, GitCommandFailed, gitArgv, translate } from './git';

interface Pending {
  sha: string;
  resolve(content: Buffer | undefined): void;
  reject(err: Error): void;
}

/**
 * One long-lived `git cat-file --batch` process: blob ids are written to its stdin and the contents come back
 * in order, so thousands of files cost one process instead of thousands.
 */
export class CatFile {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;

  constructor(private readonly cwd: string) {}

  /** Contents of each blob id (undefined when git does not have it), in the order asked. */
  readMany(shas: readonly string[]): Promise<(Buffer | undefined)[]> {
    if (shas.length === 0) return Promise.resolve([]);
    const child = this.start();
    const results = shas.map(
      (sha) => new Promise<Buffer | undefined>((resolve, reject) => this.queue.push({ sha, resolve, reject })),
    );
    if (this.failure) this.failAll(this.failure);
    else child.stdin.write(shas.join('\n') + '\n');
    return Promise.all(results);
  }

  async read(sha: string): Promise<Buffer | undefined> {
    const [content] = await this.readMany([sha]);
    return content;
  }

  /** A file's contents at a commit, `repoPath` from the repository's top; undefined when it is not a file there. */
  readAt(commit: string, repoPath: string): Promise<Buffer | undefined> {
    // The batch protocol is one object name per line.
    if (/[\r\n]/.test(repoPath)) return Promise.resolve(undefined);
    return this.read(`${commit}:${repoPath}`);
  }

  dispose(): void {
    const child = this.child;
    this.child = undefined;
    if (!child) return;
    this.failAll(new Error('git cat-file was closed'));
    child.stdin.end();
    if (child.exitCode === null) child.kill();
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    // The same guarded argv and environment as every other git run (see SAFE_CONFIG in git.ts).
    const child = spawn('git', gitArgv(['cat-file', '--batch']), {
      cwd: this.cwd,
      env: GIT_ENV,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    this.failure = undefined;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.on('error', (err: NodeJS.ErrnoException) => {
      const translated = translate(err, ['cat-file', '--batch'], this.cwd, stderr);
      this.failure = translated instanceof GitCommandFailed ? err : translated;
      this.failAll(this.failure);
    });
    child.on('exit', (code) => {
      if (this.child === child) this.child = undefined;
      if (this.queue.length) this.failAll(translate({ code }, ['cat-file', '--batch'], this.cwd, stderr));
    });
    // Writes after an early exit would otherwise throw EPIPE as an uncaught error.
    child.stdin.on('error', () => undefined);
    return child;
  }

  private failAll(err: Error): void {
    for (const p of this.queue.splice(0)) p.reject(err);
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let offset = 0;
    while (this.queue.length) {
      const eol = this.buffer.indexOf(10, offset);
      if (eol < 0) break;
      const header = this.buffer.toString('utf8', offset, eol);
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        offset = eol + 1;
        this.queue.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      const end = eol + 1 + size;
      // Each object is followed by a newline.
      if (this.buffer.length < end + 1) break;
      const content = Buffer.from(this.buffer.subarray(eol + 1, end));
      offset = end + 1;
      // `<commit>:<path>` may name a folder (a tree): only blobs are file contents.
      const type = header.split(' ')[1];
      this.queue.shift()!.resolve(type === 'blob' ? content : undefined);
    }
    this.buffer = offset ? this.buffer.subarray(offset) : this.buffer;
  }
}
