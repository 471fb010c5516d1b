import { ts } from '@ts-morph/common';
import { LIB_FOLDER, type TreeFileSystem } from './tree-file-system.js';

interface CachedFile {
  text: string;
  sourceFile: ts.SourceFile;
}

/**
 * Lib files never change and are the bulk of parsing, so they are parsed once per process and shared by
 * every extractor (baseline and working tree alike).
 */
const libCache = new Map<string, ts.SourceFile>();

/**
 * Project files by name and text, across extractors: the baseline and the working tree share every file that
 * did not change, so the second program parses (and binds) only what differs, and the working tree's
 * extraction can take the baseline's entries for those files as they are (see reuse.ts). Two texts per
 * name are enough for that, and bound the memory an editing session keeps.
 */
const sharedFiles = new Map<string, CachedFile[]>();

let parseObserver: ((fileName: string, text: string) => void) | undefined;
/** For tests and `--verbose`: told of every project file parsed (not taken from the shared files). */
export function observeParsing(observer: ((fileName: string, text: string) => void) | undefined): void {
  parseObserver = observer;
}
const VERSIONS_KEPT = 2;

function sharedSourceFile(key: string, fileName: string, text: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile {
  const versions = sharedFiles.get(key) ?? [];
  const found = versions.find((v) => v.text === text);
  if (found) return found.sourceFile;
  const sourceFile = ts.createSourceFile(fileName, text, languageVersion, true);
  parseObserver?.(fileName, text);
  sharedFiles.set(key, [{ text, sourceFile }, ...versions].slice(0, VERSIONS_KEPT));
  return sourceFile;
}

function cacheKey(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  if (typeof languageVersion !== 'object') return `${languageVersion}|${fileName}`;
  return `${languageVersion.languageVersion}|${languageVersion.impliedNodeFormat ?? ''}|${fileName}`;
}

/**
 * A CompilerHost over a tree that hands back the *same* SourceFile object while a file's text is unchanged;
 * that identity is what lets ts.createProgram(oldProgram) reuse structure after a one-file edit.
 */
export class TreeCompilerHost implements ts.CompilerHost {
  private readonly files = new Map<string, CachedFile>();

  /**
   * @param sharingKey Extractors share parsed files only when this matches: a file is bound once, and parsing and
   * binding read a few compiler options (see parsing-key.ts).
   */
  constructor(
    private fs: TreeFileSystem,
    private readonly sharingKey = '',
  ) {}

  setFileSystem(fs: TreeFileSystem): void {
    this.fs = fs;
  }

  getSourceFile(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined {
    const key = cacheKey(fileName, languageVersion);
    if (this.fs.isLib(fileName)) {
      let lib = libCache.get(key);
      if (!lib) {
        const text = this.fs.readFile(fileName);
        if (text === undefined) return undefined;
        lib = ts.createSourceFile(fileName, text, languageVersion, true);
        libCache.set(key, lib);
      }
      return lib;
    }
    const text = this.fs.readFile(fileName);
    if (text === undefined) return undefined;
    const cached = this.files.get(key);
    if (cached && cached.text === text) return cached.sourceFile;
    const sourceFile = sharedSourceFile(`${this.sharingKey}|${key}`, fileName, text, languageVersion);
    this.files.set(key, { text, sourceFile });
    return sourceFile;
  }

  /** Drops cached files the latest program no longer uses, so an editing session does not grow forever. */
  retainOnly(program: ts.Program): void {
    const used = new Set(program.getSourceFiles());
    for (const [key, cached] of this.files) if (!used.has(cached.sourceFile)) this.files.delete(key);
  }

  getDefaultLibFileName = (options: ts.CompilerOptions) => `${LIB_FOLDER}/${ts.getDefaultLibFileName(options)}`;
  getDefaultLibLocation = () => LIB_FOLDER;
  writeFile = () => {
    // Contracts are read, never emitted.
  };
  getCurrentDirectory = () => this.fs.rootPath;
  getCanonicalFileName = (fileName: string) => fileName;
  useCaseSensitiveFileNames = () => true;
  getNewLine = () => '\n';
  fileExists = (fileName: string) => this.fs.fileExists(fileName);
  readFile = (fileName: string) => this.fs.readFile(fileName);
  directoryExists = (dirName: string) => this.fs.directoryExists(dirName);
  getDirectories = (dirName: string) => this.fs.getDirectories(dirName);
  realpath = (fileName: string) => fileName;
}
