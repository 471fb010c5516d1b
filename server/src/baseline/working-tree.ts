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
  private overlays = new Map<string, string>();

  private constructor(readonly root: string) {}

  static async open(root: string, overlays?: ReadonlyMap<string, string>): Promise<WorkingTree> {
    const tree = new WorkingTree(root);
    await tree.refresh(overlays);
    return tree;
  }

  /** Re-reads the file listing and replaces the overlays (keys: absolute or root-relative paths). */
  async refresh(overlays?: ReadonlyMap<string, string>): Promise<void> {
    this.overlays = new Map();
    for (const [p, text] of overlays ?? []) this.overlays.set(toRel(this.root, p), text);
    const out = await git(this.root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
    const listed = new Set<string>();
    for (const rel of out.split('\0')) {
      if (!rel || !isSourceFile(rel) || isOutsideGit(rel)) continue;
      // --cached still lists files deleted from disk but not yet from the index.
      if (this.overlays.has(rel) || isFile(path.join(this.root, rel))) listed.add(rel);
    }
    for (const rel of this.overlays.keys()) if (isSourceFile(rel) && !isOutsideGit(rel)) listed.add(rel);
    this.files = [...listed].sort();
  }

  listFiles(): string[] {
    return this.files;
  }

  readFile(p: string): string | undefined {
    const rel = toRel(this.root, p);
    const overlay = this.overlays.get(rel);
    if (overlay !== undefined) return overlay;
    try {
      return fs.readFileSync(path.join(this.root, rel), 'utf8');
    } catch {
      return undefined;
    }
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
