import { ts } from '@ts-morph/common';
import { LIB_FOLDER, type TreeFileSystem } from './tree-file-system.js';
import { SET_PARENTS, sharedSourceFiles, targetKey, type ParseTarget, type SourceFileCache } from './source-file-cache.js';

interface CachedFile {
  text: string;
  sourceFile: ts.SourceFile;
}

/**
 * Lib files never change and are the bulk of parsing, so they are parsed once per process and shared by
 * every extractor (baseline and working tree alike).
 */
const libCache = new Map<string, ts.SourceFile>();

function cacheKey(fileName: string, languageVersion: ParseTarget): string {
  return `${targetKey(languageVersion)}|${fileName}`;
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
   * @param shared Where project files are shared with other hosts (the baseline's and the working tree's).
   */
  constructor(
    private fs: TreeFileSystem,
    private readonly sharingKey = '',
    private readonly shared: SourceFileCache = sharedSourceFiles,
  ) {}

  setFileSystem(fs: TreeFileSystem): void {
    this.fs = fs;
  }

  getSourceFile(fileName: string, languageVersion: ParseTarget): ts.SourceFile | undefined {
    const key = cacheKey(fileName, languageVersion);
    if (this.fs.isLib(fileName)) {
      let lib = libCache.get(key);
      if (!lib) {
        const text = this.fs.readFile(fileName);
        if (text === undefined) return undefined;
        lib = ts.createSourceFile(fileName, text, languageVersion, SET_PARENTS);
        libCache.set(key, lib);
      }
      return lib;
    }
    const text = this.fs.readFile(fileName);
    if (text === undefined) return undefined;
    const cached = this.files.get(key);
    if (cached && cached.text === text) return cached.sourceFile;
    const sourceFile = this.shared.get(this.sharingKey, fileName, languageVersion, text);
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
