import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceTree } from '../contracts/source';
import type { CatFile } from './cat-file';
import { git, readBlobSync } from './git';
import { isAboveRoot, isOutsideGit, isSourceFile, toRel } from './tree-paths';

/** Blobs worth reading up front: everything the TypeScript host may ask for synchronously. */
const PRELOAD = /\.(ts|tsx|mts|cts|json)$/;

export interface GitTreeOptions {
  /** Repository top folder (where git runs). */
  repoTop: string;
  /** The project root's path inside the repository ('' or ending with '/'). */
  prefix: string;
  commit: string;
  /** The project root on disk; installed packages (node_modules) are read from here. */
  diskRoot: string;
  label: string;
  catFile: CatFile;
}

/**
 * The project as it was at a commit, read from git objects only: nothing is checked out or written into the
 * repository. The listing comes from one `git ls-tree`; source and JSON blobs are read in one batch before the
 * TypeScript program is built, because its host reads files synchronously.
 */
export class GitTree implements SourceTree {
  readonly label: string;
  readonly root: string;
  private readonly blobs: Map<string, string>;
  private readonly texts = new Map<string, string>();
  private readonly dirs = new Map<string, Set<string>>();

  private constructor(private readonly options: GitTreeOptions, entries: Map<string, string>) {
    this.label = options.label;
    this.root = options.diskRoot;
    this.blobs = entries;
    this.dirs.set('', new Set());
    for (const rel of entries.keys()) {
      const parts = rel.split('/');
      for (let i = 0; i < parts.length - 1; i++) {
        const parent = parts.slice(0, i).join('/');
        const dir = parts.slice(0, i + 1).join('/');
        this.dirs.get(parent)!.add(parts[i]!);
        if (!this.dirs.has(dir)) this.dirs.set(dir, new Set());
      }
    }
  }

  static async open(options: GitTreeOptions): Promise<GitTree> {
    const args = ['ls-tree', '-r', '-z', '--full-name', options.commit];
    if (options.prefix) args.push('--', options.prefix);
    const out = await git(options.repoTop, args);
    const entries = new Map<string, string>();
    for (const record of out.split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode, type, sha] = record.slice(0, tab).split(' ');
      // Symlinks (120000) and submodules (type commit) have no file content to parse.
      if (type !== 'blob' || mode === '120000' || !sha) continue;
      entries.set(record.slice(tab + 1 + options.prefix.length), sha);
    }
    const tree = new GitTree(options, entries);
    await tree.preload();
    return tree;
  }

  get commit(): string {
    return this.options.commit;
  }

  listFiles(): string[] {
    return [...this.blobs.keys()].filter((rel) => isSourceFile(rel) && !isOutsideGit(rel)).sort();
  }

  readFile(p: string): string | undefined {
    const rel = toRel(this.root, p);
    if (isAboveRoot(rel)) return undefined;
    if (isOutsideGit(rel)) return readDisk(path.join(this.root, rel));
    const cached = this.texts.get(rel);
    if (cached !== undefined) return cached;
    const sha = this.blobs.get(rel);
    if (!sha) return undefined;
    const text = readBlobSync(this.options.repoTop, sha).toString('utf8');
    this.texts.set(rel, text);
    return text;
  }

  fileExists(p: string): boolean {
    const rel = toRel(this.root, p);
    if (isOutsideGit(rel)) return isFile(path.join(this.root, rel));
    return this.blobs.has(rel);
  }

  directoryExists(p: string): boolean {
    const rel = toRel(this.root, p);
    if (isOutsideGit(rel)) return isDirectory(path.join(this.root, rel));
    return this.dirs.has(rel);
  }

  getDirectories(p: string): string[] {
    const rel = toRel(this.root, p);
    if (isOutsideGit(rel)) return diskDirectories(path.join(this.root, rel));
    const names = [...(this.dirs.get(rel) ?? [])];
    // node_modules is never in git but module resolution looks for it next to the sources.
    if (isDirectory(path.join(this.root, rel, 'node_modules')) && !names.includes('node_modules')) names.push('node_modules');
    return names.sort();
  }

  private async preload(): Promise<void> {
    const wanted = [...this.blobs].filter(([rel]) => PRELOAD.test(rel));
    const contents = await this.options.catFile.readMany(wanted.map(([, sha]) => sha));
    wanted.forEach(([rel], i) => {
      const content = contents[i];
      if (content) this.texts.set(rel, content.toString('utf8'));
    });
  }
}

function readDisk(abs: string): string | undefined {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

function isFile(abs: string): boolean {
  try {
    return fs.statSync(abs).isFile();
  } catch {
    return false;
  }
}

function isDirectory(abs: string): boolean {
  try {
    return fs.statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

export function diskDirectories(abs: string): string[] {
  try {
    return fs
      .readdirSync(abs, { withFileTypes: true })
      .filter((d) => d.isDirectory() || (d.isSymbolicLink() && isDirectory(path.join(abs, d.name))))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}
