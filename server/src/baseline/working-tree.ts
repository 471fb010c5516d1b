import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceTree } from '../common/source';
import { isWithin, readTextFile, realLocation, RefusedFile, SOURCE_FILE_LIMIT } from '../common/safe-read';
import { git } from './git';
import { diskDirectories } from './git-tree';
import { isOutsideGit, isSourceFile, OUTSIDE_REPOSITORY, toRel } from './tree-paths';

/**
 * The project as it is now: files on disk (committed, modified and untracked, but not ignored or deleted)
 * with unsaved editor buffers laid over them. `refresh` re-lists the files; reads always go to disk.
 *
 * A path whose real location is outside the repository (a symlink leading out) is not part of the project,
 * as in a baseline, which cannot follow such a link: it is skipped, and `skipped` says so. Installed packages
 * (node_modules) are exempt: they are never in git and are often linked from elsewhere.
 */
export class WorkingTree implements SourceTree {
  readonly label = 'working tree';
  private files: string[] = [];
  private diskFiles: string[] = [];
  private listed = false;
  private overlays = new Map<string, string>();
  /** Disk texts read since the last relisting (undefined: the file could not be read). */
  private readonly texts = new Map<string, string | undefined>();
  /** Paths not read, with the reason, since the last relisting. */
  readonly skipped = new Map<string, string>();
  /** Real locations of folders since the last relisting: a path that is not a link is where its folder is. */
  private readonly realFolders = new Map<string, string | undefined>();
  /** Those of them inside the repository, and so is everything directly in them that is not a link. */
  private readonly foldersInside = new Set<string>();
  /**
   * Listed files found in the repository by the last relisting: reading them does not ask again. Like the
   * listing itself, that answer holds until the next relisting; a file read between its check and its read
   * could have been swapped in either case.
   */
  private readonly checked = new Set<string>();
  private readonly realTop: string;
  /** How many folders the project root is below the repository top. */
  private readonly rootDepth: number;

  /**
   * @param repoTop The repository's top folder: paths may lead there (a tsconfig `extends`), not further.
   * @param outerRoot A monorepo's workspace root, for the compiler to read in (see SourceTree.outerRoot).
   */
  private constructor(
    readonly root: string,
    repoTop: string,
    readonly outerRoot?: string,
  ) {
    this.realTop = realLocation(repoTop) ?? repoTop;
    this.rootDepth = levelsUp(path.relative(realLocation(root) ?? root, this.realTop).split(path.sep).join('/'));
  }

  static async open(root: string, overlays?: ReadonlyMap<string, string>, repoTop = root, outerRoot?: string): Promise<WorkingTree> {
    const tree = new WorkingTree(root, repoTop, outerRoot);
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
    this.skipped.clear();
    this.realFolders.clear();
    this.foldersInside.clear();
    this.checked.clear();
    const out = await git(this.root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
    const onDisk: string[] = [];
    for (const rel of out.split('\0')) {
      // --cached still lists files deleted from disk but not yet from the index.
      if (rel && isSourceFile(rel) && !isOutsideGit(rel) && this.isListable(rel)) {
        onDisk.push(rel);
        this.checked.add(rel);
      }
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
      text = this.checked.has(rel) || this.inRepository(rel) ? readTextFile(path.join(this.root, rel), SOURCE_FILE_LIMIT) : undefined;
    } catch (e) {
      if (e instanceof RefusedFile) this.skipped.set(rel, e.reason);
      text = undefined;
    }
    this.texts.set(rel, text);
    return text;
  }

  fileExists(p: string): boolean {
    const rel = toRel(this.root, p);
    return this.overlays.has(rel) || (isFile(path.join(this.root, rel)) && this.inRepository(rel));
  }

  directoryExists(p: string): boolean {
    const rel = toRel(this.root, p);
    try {
      return fs.statSync(path.join(this.root, rel)).isDirectory() && this.inRepository(rel);
    } catch {
      return false;
    }
  }

  getDirectories(p: string): string[] {
    const rel = toRel(this.root, p);
    return diskDirectories(path.join(this.root, rel)).filter((name) => this.inRepository(rel ? `${rel}/${name}` : name));
  }

  /**
   * A file on disk in the repository (what leads out recorded). One status call tells a plain file; only a
   * link needs another to learn what it leads to.
   */
  private isListable(rel: string): boolean {
    const abs = path.join(this.root, rel);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(abs);
    } catch {
      return false;
    }
    if (stat.isSymbolicLink() ? !isFile(abs) : !stat.isFile()) return false;
    return this.inRepository(rel, stat);
  }

  /**
   * False (and what leads out recorded) when `rel` is outside the repository, by its path (a tsconfig may
   * extend a file anywhere) or by its real location. `stat`: the path's own status, when already known.
   */
  private inRepository(rel: string, stat?: fs.Stats): boolean {
    const abs = path.join(this.root, rel);
    if (levelsUp(rel) > this.rootDepth) {
      this.skipped.set(rel, 'outside the repository: Skew reads nothing there');
      return false;
    }
    if (isOutsideGit(rel) || !this.leadsOut(abs, stat)) return true;
    this.skipped.set(this.linkLeadingOut(rel), OUTSIDE_REPOSITORY);
    return false;
  }

  /**
   * Whether `abs`, every link resolved, is outside the repository (a path that does not exist is not).
   * Resolving each file's whole path cost a system call per folder on the way, for thousands of files in the
   * same few folders; a folder is resolved and placed once instead.
   */
  private leadsOut(abs: string, known?: fs.Stats): boolean {
    let stat = known;
    if (!stat) {
      try {
        stat = fs.lstatSync(abs);
      } catch {
        return false;
      }
    }
    const folder = path.dirname(abs);
    if (stat.isSymbolicLink() || folder === abs) return this.outside(realLocation(abs));
    if (!this.realFolders.has(folder)) {
      const realFolder = realLocation(folder);
      this.realFolders.set(folder, realFolder);
      if (!this.outside(realFolder)) this.foldersInside.add(folder);
    }
    if (this.foldersInside.has(folder)) return false;
    // A folder outside may still hold the repository itself (the project root is in its parent folder).
    const realFolder = this.realFolders.get(folder);
    return realFolder !== undefined && this.outside(path.join(realFolder, path.basename(abs)));
  }

  private outside(real: string | undefined): boolean {
    return real !== undefined && !isWithin(this.realTop, real);
  }

  /** The first symlink on `rel`'s way that leads outside the repository (what a user can look at and fix). */
  private linkLeadingOut(rel: string): string {
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const abs = path.join(this.root, prefix);
      try {
        if (!fs.lstatSync(abs).isSymbolicLink()) continue;
      } catch {
        break;
      }
      const real = realLocation(abs);
      if (real === undefined || !isWithin(this.realTop, real)) return prefix;
    }
    return rel;
  }
}

/** How far above its start a normalised relative posix path leads ('../../a': 2). */
const levelsUp = (rel: string): number => /^(\.\.(\/|$))*/.exec(rel)![0].split('/').filter((s) => s === '..').length;

function isFile(abs: string): boolean {
  try {
    return fs.statSync(abs).isFile();
  } catch {
    return false;
  }
}
