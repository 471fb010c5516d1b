import { ts } from '@ts-morph/common';

/** How a compiler host is asked for a file: its name and the language version or options it is parsed for. */
export type ParseTarget = ts.ScriptTarget | ts.CreateSourceFileOptions;

let parseObserver: ((fileName: string, text: string) => void) | undefined;
/** For tests and `--verbose`: told of every project file parsed by any cache (not handed out shared). */
export function observeParsing(observer: ((fileName: string, text: string) => void) | undefined): void {
  parseObserver = observer;
}

interface Version {
  text: string;
  sourceFile: ts.SourceFile;
}

/**
 * Parsed files shared between programs, like TypeScript's DocumentRegistry: a file asked for again with the
 * same name, parse target, sharing key and text is the same SourceFile object, so a second program (the working
 * tree after the baseline, another project of a monorepo) neither parses nor binds it again. Binding belongs
 * to the SourceFile and is the same for every program that has it; types and symbols merged across files
 * belong to each program's checker. The text decides, never the name alone: a file that differs in any
 * character is parsed on its own, so one version's text never reaches another's program.
 */
export class SourceFileCache {
  private readonly files = new Map<string, Version[]>();
  /** Files parsed, and files handed out without parsing: what tests observe. */
  readonly counts = { parsed: 0, shared: 0 };

  /** @param versionsKept Texts kept per file: two serve a baseline and its working tree, and bound an editing session's memory. */
  constructor(private readonly versionsKept = 2) {}

  /**
   * @param sharingKey Programs share a file only when this matches: parsing and binding read a few compiler
   * options (see parsing-key.ts), so it names them.
   */
  get(sharingKey: string, fileName: string, target: ParseTarget, text: string): ts.SourceFile {
    const key = `${sharingKey}|${targetKey(target)}|${fileName}`;
    const versions = this.files.get(key) ?? [];
    const found = versions.find((v) => v.text === text);
    if (found) {
      this.counts.shared++;
      return found.sourceFile;
    }
    this.counts.parsed++;
    const sourceFile = ts.createSourceFile(fileName, text, target, SET_PARENTS);
    parseObserver?.(fileName, text);
    this.files.set(key, [{ text, sourceFile }, ...versions].slice(0, this.versionsKept));
    return sourceFile;
  }
}

/**
 * Files parsed for a program are only read once its checker exists, and making the checker binds every file,
 * which sets each node's parent on the way: a walk at parse time to set them first would be a second one.
 */
export const SET_PARENTS = false;

/** What a parse depends on besides the name and text. */
export function targetKey(target: ParseTarget): string {
  if (typeof target !== 'object') return String(target);
  return `${target.languageVersion}|${target.impliedNodeFormat ?? ''}`;
}

/** The process's cache: every extractor uses it unless given its own. */
export const sharedSourceFiles = new SourceFileCache();
