import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A throw-away git repository in the temp folder, driven by real git commands. */
export class TempRepo {
  /** The repository (or plain folder) is `dir`; `scratch` holds it and anything a test keeps beside it. */
  private constructor(
    readonly scratch: string,
    readonly dir: string,
  ) {}

  static create(files: Record<string, string> = {}, options: { git?: boolean } = {}): TempRepo {
    const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'skew-test-')));
    const dir = path.join(scratch, 'repo');
    fs.mkdirSync(dir);
    const repo = new TempRepo(scratch, dir);
    if (options.git !== false) repo.git('init', '-q', '-b', 'main');
    repo.write(files);
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Skew Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  write(files: Record<string, string>): this {
    for (const [rel, text] of Object.entries(files)) {
      const file = path.join(this.dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    return this;
  }

  /** Absolute path of a file in the repository. */
  path(rel: string): string {
    return path.join(this.dir, ...rel.split('/'));
  }

  writeFile(rel: string, text: string): this {
    return this.write({ [rel]: text });
  }

  remove(rel: string): this {
    fs.rmSync(path.join(this.dir, rel), { force: true, recursive: true });
    return this;
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.dir, rel), 'utf8');
  }

  /** Stages everything and commits; returns the new commit id. */
  commit(message = 'change'): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }

  tag(name: string, ref = 'HEAD'): this {
    this.git('tag', '-f', name, ref);
    return this;
  }

  /** `git status --porcelain` plus the list of refs: what a read-only tool must leave unchanged. */
  state(): string {
    return this.git('status', '--porcelain', '--untracked-files=all') + this.git('for-each-ref') + this.git('rev-parse', 'HEAD');
  }

  /** A cache folder outside the repository, so tests never write into the repo under test. */
  get cacheDir(): string {
    return path.join(this.scratch, 'cache');
  }

  dispose(): void {
    fs.rmSync(this.scratch, { recursive: true, force: true });
  }
}

export const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs' } }, null, 2);
