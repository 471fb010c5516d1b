import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceTree } from '../common/source';
import type { CatFile } from './cat-file';
import { git, readBlobSync } from './git';
import type { SameBlobText } from './same-blob';
import { isWithin, readTextFile, realLocation, SOURCE_FILE_LIMIT } from '../common/safe-read';
import { isAboveRoot, isOutsideGit, isSourceFile, OUTSIDE_REPOSITORY, toRel } from './tree-paths';

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
  /**
   * A monorepo's workspace root, for the compiler to read in above the project root (see SourceTree.outerRoot):
   * its path on disk and inside the repository ('' or ending with '/'). Files there are read at the same commit.
   */
  outer?: { root: string; prefix: string };
  /** Texts another tree already holds for a blob (see same-blob.ts); the rest is streamed from git. */
  sameBlob?: SameBlobText;
}

/** What `git ls-tree` lists, by path inside the repository. */
interface Listing {
  blobs: Map<string, string>;
  /** Symlinks and their target text. */
  links: Map<string, string>;
  dirs: Set<string>;
  /** Blobs over the size cap: never read. */
  large: Set<string>;
}

/** A path that leads outside the repository through a symlink. */
const OUTSIDE = Symbol('outside');
/** Links followed to resolve one path, at most: a cycle of links must end. */
const MAX_HOPS = 40;

/**
 * The project as it was at a commit, read from git objects only: nothing is checked out or written into the
 * repository. The listing comes from one `git ls-tree`; source and JSON blobs are read in one batch before the
 * TypeScript program is built, because its host reads files synchronously.
 *
 * Committed symlinks are followed inside the repository, as the disk follows them in the working tree (so an
 * unchanged `src/shared -> ../shared` reads the same in both versions); a link leading outside is skipped,
 * as the working tree skips it, and `skipped` says so.
 */
export class GitTree implements SourceTree {
  readonly label: string;
  readonly root: string;
  readonly outerRoot: string | undefined;
  /** Installed folders' real paths, by their path on disk (undefined where there is none). */
  private readonly realFolders = new Map<string, string | undefined>();
  private realTop: string | undefined;
  /** Paths not read, with the reason. */
  readonly skipped = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  private readonly listed: string[];

  private constructor(
    private readonly options: GitTreeOptions,
    private readonly listing: Listing,
  ) {
    this.label = options.label;
    this.root = options.diskRoot;
    this.outerRoot = options.outer?.root;
    const files = [...listing.blobs.keys()];
    // Links and files over the size cap are listed too, so reading them records why they were skipped.
    for (const other of [...listing.links.keys(), ...listing.large]) if (this.inPrefix(other) && isSourceFile(other)) files.push(other);
    this.listed = files
      .filter((repoRel) => this.inPrefix(repoRel))
      .map((repoRel) => repoRel.slice(options.prefix.length))
      .filter((rel) => isSourceFile(rel) && !isOutsideGit(rel) && this.blobOf(rel) !== undefined)
      .sort();
  }

  static async open(options: GitTreeOptions): Promise<GitTree> {
    // A package of a monorepo reads its siblings: the listing covers the workspace.
    const listed = options.outer?.prefix ?? options.prefix;
    let listing = await list(options, listed);
    const targets = await readLinks(options.catFile, listing.links);
    // A link may lead out of the project folder into the rest of the repository (a monorepo's shared code):
    // then the whole commit is listed, so the baseline can follow it as far as the disk can.
    if (listed && [...targets].some(([link, target]) => !leadsInto(link, target, listed))) {
      listing = await list(options, '');
      await readLinks(options.catFile, listing.links);
    }
    const tree = new GitTree(options, listing);
    for (const link of listing.links.keys()) {
      if (tree.inPrefix(link) && tree.resolve(link) === OUTSIDE) tree.skipped.set(link.slice(options.prefix.length), OUTSIDE_REPOSITORY);
    }
    await tree.preload();
    return tree;
  }

  get commit(): string {
    return this.options.commit;
  }

  listFiles(): string[] {
    return this.listed;
  }

  readFile(p: string): string | undefined {
    const rel = toRel(this.root, p);
    if (!this.reaches(rel)) return undefined;
    const linked = isOutsideGit(rel) ? this.workspaceBlob(rel) : undefined;
    if (isOutsideGit(rel) && linked === undefined) return readDisk(path.join(this.root, rel));
    const sha = linked ?? this.blobOf(rel);
    if (!sha) return undefined;
    const cached = this.texts.get(sha);
    if (cached !== undefined) return cached;
    const text = readBlobSync(this.options.repoTop, sha).toString('utf8');
    this.texts.set(sha, text);
    return text;
  }

  fileExists(p: string): boolean {
    const rel = toRel(this.root, p);
    if (isOutsideGit(rel)) return this.workspaceBlob(rel) !== undefined || isFile(path.join(this.root, rel));
    return this.reaches(rel) && this.blobOf(rel) !== undefined;
  }

  directoryExists(p: string): boolean {
    const rel = toRel(this.root, p);
    if (isOutsideGit(rel)) return isDirectory(path.join(this.root, rel));
    if (!this.reaches(rel)) return false;
    const real = this.resolve(this.repoPath(rel));
    return real !== OUTSIDE && (real === '' || this.listing.dirs.has(real));
  }

  getDirectories(p: string): string[] {
    const rel = toRel(this.root, p);
    if (isOutsideGit(rel)) return diskDirectories(path.join(this.root, rel));
    const real = this.reaches(rel) ? this.resolve(this.repoPath(rel)) : OUTSIDE;
    const names: string[] = [];
    if (real !== OUTSIDE) {
      const inside = real === '' ? '' : `${real}/`;
      const children = [...this.listing.dirs, ...this.listing.links.keys()].filter(
        (d) => d.startsWith(inside) && !d.slice(inside.length).includes('/'),
      );
      for (const child of children) {
        const resolved = this.resolve(child);
        if (resolved !== OUTSIDE && this.listing.dirs.has(resolved)) names.push(child.slice(inside.length));
      }
    }
    // node_modules is never in git but module resolution looks for it next to the sources.
    if (isDirectory(path.join(this.root, rel, 'node_modules')) && !names.includes('node_modules')) names.push('node_modules');
    return [...new Set(names)].sort();
  }

  /**
   * An installed package that is a link back into the repository (an npm, yarn or pnpm workspace package,
   * imported by its name) belongs to the commit, not to the disk: the blob this commit has where the link
   * really leads. Files the commit does not have there (a package's built, ignored output) are read from the
   * disk as before, and so is everything really installed.
   */
  private workspaceBlob(rel: string): string | undefined {
    const folder = path.dirname(path.join(this.root, rel));
    if (!this.realFolders.has(folder)) this.realFolders.set(folder, realLocation(folder));
    const real = this.realFolders.get(folder);
    if (real === undefined) return undefined;
    this.realTop ??= realLocation(this.options.repoTop) ?? this.options.repoTop;
    const file = path.join(real, path.basename(rel));
    if (!isWithin(this.realTop, file)) return undefined;
    const repoRel = path.relative(this.realTop, file).split(path.sep).join('/');
    return repoRel === '' || isOutsideGit(repoRel) ? undefined : this.listing.blobs.get(repoRel);
  }

  /** A path relative to the project root as a path relative to the repository top. */
  private repoPath(rel: string): string {
    if (isAboveRoot(rel)) return path.posix.normalize(this.options.prefix + rel);
    return rel ? this.options.prefix + rel : this.options.prefix.replace(/\/$/, '');
  }

  /** Paths above the project root are part of the tree only inside the workspace root, when there is one. */
  private reaches(rel: string): boolean {
    if (!isAboveRoot(rel)) return true;
    const outer = this.options.outer;
    if (!outer) return false;
    const repoRel = path.posix.normalize(this.options.prefix + rel);
    return !isAboveRoot(repoRel) && `${repoRel}/`.startsWith(outer.prefix);
  }

  private inPrefix(repoRel: string): boolean {
    return repoRel.startsWith(this.options.prefix);
  }

  /** The blob at `rel` (links followed), or undefined; a path that leads out is recorded as skipped. */
  private blobOf(rel: string): string | undefined {
    const repoRel = this.repoPath(rel);
    const real = this.listing.links.size ? this.resolve(repoRel) : repoRel;
    if (real === OUTSIDE) {
      this.skipped.set(this.linkLeadingOut(repoRel).slice(this.options.prefix.length), OUTSIDE_REPOSITORY);
      return undefined;
    }
    if (this.listing.large.has(real)) {
      this.skipped.set(rel, `larger than ${SOURCE_FILE_LIMIT / (1024 * 1024)} MB: Skew does not read files that large`);
      return undefined;
    }
    return this.listing.blobs.get(real);
  }

  /** `repoRel` with every symlink on its way followed, or OUTSIDE when one leads out of the repository. */
  private resolve(repoRel: string): string | typeof OUTSIDE {
    let parts = repoRel === '' ? [] : repoRel.split('/');
    let hops = 0;
    for (let i = 0; i < parts.length; i++) {
      const here = parts.slice(0, i + 1).join('/');
      const target = this.listing.links.get(here);
      if (target === undefined) continue;
      if (++hops > MAX_HOPS || path.posix.isAbsolute(target) || target.includes('\\')) return OUTSIDE;
      const joined = path.posix.normalize(path.posix.join(path.posix.dirname(here), target));
      if (joined === '..' || joined.startsWith('../')) return OUTSIDE;
      parts = [...(joined === '.' ? [] : joined.split('/').filter(Boolean)), ...parts.slice(i + 1)];
      i = -1;
    }
    return parts.join('/');
  }

  private linkLeadingOut(repoRel: string): string {
    const parts = repoRel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const here = parts.slice(0, i).join('/');
      if (this.listing.links.has(here) && this.resolve(here) === OUTSIDE) return here;
    }
    return repoRel;
  }

  private async preload(): Promise<void> {
    const wanted = new Set<string>();
    const take = (rel: string, sha: string) => {
      if (this.texts.has(sha) || wanted.has(sha)) return;
      const same = this.options.sameBlob?.(rel, sha);
      if (same === undefined) wanted.add(sha);
      else this.texts.set(sha, same);
    };
    for (const rel of this.listed) take(rel, this.blobOf(rel)!);
    // A monorepo package reads its siblings too: one batch costs less than a git process per file the compiler
    // asks for. Only the project's own files can be matched against the working tree's listing.
    const preloaded = this.options.outer?.prefix ?? this.options.prefix;
    for (const [repoRel, sha] of this.listing.blobs) {
      if (!repoRel.startsWith(preloaded) || !PRELOAD.test(repoRel)) continue;
      if (this.inPrefix(repoRel)) take(repoRel.slice(this.options.prefix.length), sha);
      else if (!this.texts.has(sha)) wanted.add(sha);
    }
    const shas = [...wanted];
    const contents = await this.options.catFile.readMany(shas);
    shas.forEach((sha, i) => {
      const content = contents[i];
      if (content) this.texts.set(sha, content.toString('utf8'));
    });
  }
}

async function list(options: GitTreeOptions, prefix: string): Promise<Listing> {
  const args = ['ls-tree', '-r', '-l', '-z', '--full-name', options.commit];
  if (prefix) args.push('--', prefix);
  const out = await git(options.repoTop, args);
  const listing: Listing = { blobs: new Map(), links: new Map(), dirs: new Set(), large: new Set() };
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, sha, size] = record.slice(0, tab).split(/ +/);
    const repoRel = record.slice(tab + 1);
    // Submodules (type commit) have no content here.
    if (type !== 'blob' || !sha) continue;
    if (mode === '120000') listing.links.set(repoRel, sha);
    else if (Number(size) > SOURCE_FILE_LIMIT) listing.large.add(repoRel);
    else listing.blobs.set(repoRel, sha);
    for (let dir = path.posix.dirname(repoRel); dir !== '.'; dir = path.posix.dirname(dir)) listing.dirs.add(dir);
  }
  return listing;
}

/** Replaces each link's blob id in `links` by its target text (a link is a blob holding the path it points to). */
async function readLinks(catFile: CatFile, links: Map<string, string>): Promise<Map<string, string>> {
  const entries = [...links];
  const contents = await catFile.readMany(entries.map(([, sha]) => sha));
  entries.forEach(([link], i) => links.set(link, contents[i]?.toString('utf8') ?? '/'));
  return links;
}

/** Whether a link's target, taken on its own, stays under `prefix` (it may still pass through other links). */
function leadsInto(link: string, target: string, prefix: string): boolean {
  if (path.posix.isAbsolute(target)) return true; // leaves the repository: nothing more to list
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(link), target));
  return `${joined}/`.startsWith(prefix);
}

/** Installed packages may be committed too, as symlinks to devices: read like any other user file. */
function readDisk(abs: string): string | undefined {
  try {
    return readTextFile(abs, SOURCE_FILE_LIMIT);
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
