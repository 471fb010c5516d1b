import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceTree } from '../contracts/source';
import { git } from './git';
import { diskDirectories } from './git-tree';
import { isOutsideGit, isSourceFile, toRel } from './tree-paths';

/**
 * The project as it is now: files on disk (committed, modified and untracked, but not ignored or deleted)
 * with unsaved editor buffers laid over them. `refresh` re-lists the files; reads always go to disk.
 */
export class WorkingTree implements SourceTree {
  readonly label = 'working tree';
  private files: string[] = [];
  private diskFiles: string[] = [];
  private listed = false;
  private overlays = new Map<string, string>();
  /** Disk texts read since the last relisting (undefined: the file could not be read). */
  private readonly texts = new Map<string, string | undefined>();

  private constructor(readonly root: string) {}

  static async open(root: string, overlays?: ReadonlyMap<string, string>): Promise<WorkingTree> {
    const tree = new WorkingTree(root);
    await tree.refresh(overlays);
    return tree;
  }

  /**
   * Replaces the overlays (keys: absolute or root-relative paths) and, unless `relist` is false, re-reads the
   * file listing and forgets the file texts read so far. Without relisting, files on disk are taken to be
   * unchanged since the last refresh: only a caller that watches them may say so.
   */
  async refresh(overlays?: ReadonlyMap<string, string>, options: { relist?: boolean } = {}): Promise<void> {
    this.overlays = new Map();
    for (const [p, text] of overlays ?? []) this.overlays.set(toRel(this.root, p), text);
    if (options.relist !== false || !this.listed) await this.relist();
    const unsaved = [...this.overlays.keys()].filter((rel) => isSourceFile(rel) && !isOutsideGit(rel));
    this.files = [...new Set([...this.diskFiles, ...unsaved])].sort();
  }

  private async relist(): Promise<void> {
    this.texts.clear();
    const out = await git(this.root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
    const onDisk: string[] = [];
    for (const rel of out.split('\0')) {
      // --cached still lists files deleted from disk but not yet from the index.
      if (rel && isSourceFile(rel) && !isOutsideGit(rel) && isFile(path.join(this.root, rel))) onDisk.push(rel);
    }
    this.diskFiles = onDisk;
    this.listed = true;
  }

  listFiles(): string[] {
    return this.files;
  }

  readFile(p: string): string | undefined {
    const rel = toRel(this.root, p);
    const overlay = this.overlays.get(rel);
    if (overlay !== undefined) return overlay;
    if (this.texts.has(rel)) return this.texts.get(rel);
    let text: string | undefined;
    try {
      text = fs.readFileSync(path.join(this.root, rel), 'utf8');
    } catch {
      text = undefined;
    }
    this.texts.set(rel, text);
    return text;
  }

  fileExists(p: string): boolean {
    const rel = toRel(this.root, p);
    return this.overlays.has(rel) || isFile(path.join(this.root, rel));
  }

  directoryExists(p: string): boolean {
    try {
      return fs.statSync(path.join(this.root, toRel(this.root, p))).isDirectory();
    } catch {
      return false;
    }
  }

  getDirectories(p: string): string[] {
    return diskDirectories(path.join(this.root, toRel(this.root, p)));
  }
}

function isFile(abs: string): boolean {
  try {
    return fs.statSync(abs).isFile();
  } catch {
    return false;
  }
}
