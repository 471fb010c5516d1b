import { ts } from '@ts-morph/common';

/** Facts about a library's declarations, kept while the declarations a program sees stay the same objects. */
export interface LibraryFacts {
  /** `compute`'s answer for (key, name), computed once per world of declarations (and kept when `keep` says so). */
  recall<T>(key: object, name: string, compute: () => T, keep?: (value: T) => boolean): T;
}

/**
 * What the checker answers about a schema library's own declarations (the members of zod's namespace, of the
 * interface a library function returns, what a function returns) is the same for every program with the same
 * declaration files: the shared SourceFile cache hands an editing session the same objects each time, and
 * their binder symbols with them. Asking a new checker again makes it resolve the library's export tables
 * (`export *` across its ~100 files) and its interfaces' members once more, per keystroke.
 *
 * The world is the program's declaration files and scripts (which can declare globals); a project's own modules
 * can change nothing in a library's declarations but by a module augmentation, and a program with one is not
 * served at all (its merged symbols belong to one checker).
 */
export class LibraryMemo {
  private world: readonly ts.SourceFile[] = [];
  private tables = new WeakMap<object, Map<string, unknown>>();
  /** For tests: answers computed (asked of a checker) and served from an earlier program. */
  readonly counts = { computed: 0, served: 0 };

  forProgram(program: ts.Program): LibraryFacts | undefined {
    const files = program.getSourceFiles();
    if (files.some(augments)) return undefined;
    const world = files.filter((file) => file.isDeclarationFile || !ts.isExternalModule(file));
    if (world.length !== this.world.length || world.some((file, i) => file !== this.world[i])) {
      this.world = world;
      this.tables = new WeakMap<object, Map<string, unknown>>();
    }
    const tables = this.tables;
    return {
      recall: <T>(key: object, name: string, compute: () => T, keep?: (value: T) => boolean): T => {
        let byName = tables.get(key);
        if (!byName) tables.set(key, (byName = new Map<string, unknown>()));
        if (byName.has(name)) {
          this.counts.served++;
          return byName.get(name) as T;
        }
        this.counts.computed++;
        const value = compute();
        if (!keep || keep(value)) byName.set(name, value);
        return value;
      },
    };
  }
}

/** The memo of this process: an editing session's programs follow one another. */
export const libraryMemo = new LibraryMemo();

const augmenting = new WeakMap<ts.SourceFile, boolean>();

/** A module that augments another module or the global scope (`declare module 'x' {}`, `declare global {}`). */
function augments(file: ts.SourceFile): boolean {
  let known = augmenting.get(file);
  if (known === undefined) {
    known = ts.isExternalModule(file) && file.statements.some((s) => ts.isModuleDeclaration(s) && (ts.isStringLiteral(s.name) || !!(s.flags & ts.NodeFlags.GlobalAugmentation)));
    augmenting.set(file, known);
  }
  return known;
}
