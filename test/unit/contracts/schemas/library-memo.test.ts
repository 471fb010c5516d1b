import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ts } from '@ts-morph/common';
import { TreeCompilerHost } from '../../../../server/src/contracts/compiler-host.js';
import { readCompilerOptions } from '../../../../server/src/contracts/compiler-options.js';
import { treeFileSystem, type TreeFileSystem } from '../../../../server/src/contracts/tree-file-system.js';
import { packageNames } from '../../../../server/src/contracts/schemas/library.js';
import { LibraryMemo } from '../../../../server/src/contracts/schemas/library-memo.js';
import { SchemaReader } from '../../../../server/src/contracts/schemas/schema-reader.js';
import { ShapeBuilder } from '../../../../server/src/contracts/shape-builder.js';
import { plain, schemaTree } from './schema-tree.js';

const SOURCE = `import { z } from 'zod';
import * as zod from 'zod';
export const Item = z.strictObject({ sku: z.string(), price: z.number().min(0) });
export const Order = zod.object({ id: z.string(), qty: z.number().int().optional(), items: z.array(Item).min(1), status: z.enum(['new', 'paid']) });
`;

/** zod 4's schema functions, in the ESM or the CommonJS declarations (which one depends on module resolution). */
const SCHEMAS_DTS = /^node_modules\/zod\/v4\/classic\/schemas\.d\.c?ts$/;

/** Checker methods that look up the library's declarations (export tables, members, return types). */
const LIBRARY_LOOKUPS = new Set(['tryGetMemberInModuleExports', 'getPropertyOfType', 'getAliasedSymbol', 'getSignatureFromDeclaration', 'getReturnTypeOfSignature', 'getResolvedSignature']);

interface Session {
  program: ts.Program;
  fs: TreeFileSystem;
}

/** Programs of one editing session: one host, each program built on the one before. */
function session(edit: (rel: string, text: string | undefined) => string | undefined = (_, text) => text): { next(source: string): Session } {
  let previous: ts.Program | undefined;
  let host: TreeCompilerHost | undefined;
  return {
    next(source) {
      const tree = schemaTree({ 'messages.ts': source });
      const edited = { ...tree, readFile: (rel: string) => edit(rel, tree.readFile(rel)) };
      const read = readCompilerOptions(edited);
      if ('error' in read) throw new Error(read.error);
      const fs = treeFileSystem(edited);
      if (host) host.setFileSystem(fs);
      else host = new TreeCompilerHost(fs);
      previous = ts.createProgram({ rootNames: [fs.absolute('messages.ts')], options: { ...read.options, types: [], noEmit: true }, host, oldProgram: previous });
      return { program: previous, fs };
    },
  };
}

/** Reads every const of the file with a reader on `memo`, counting the checker's library lookups. */
function readAll({ program, fs }: Session, memo: LibraryMemo) {
  let lookups = 0;
  const checker = program.getTypeChecker();
  const recording = new Proxy(checker, {
    get(target, key: keyof ts.TypeChecker) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!LIBRARY_LOOKUPS.has(key)) return method.bind(target);
      return (...args: unknown[]) => {
        lookups++;
        return method.apply(target, args);
      };
    },
  });
  const relative = (file: ts.SourceFile) => fs.relative(file.fileName);
  const builder = new ShapeBuilder(recording, relative, (node) => fs.isLib(node.getSourceFile().fileName), () => undefined);
  const reader = new SchemaReader(recording, builder, relative, packageNames((fileName) => fs.readFile(fileName)), memo.forProgram(program));
  const source = program.getSourceFile(fs.absolute('messages.ts'))!;
  const declarations = source.statements.filter(ts.isVariableStatement).map((s) => s.declarationList.declarations[0]!);
  const libraries = declarations.map((d) => reader.libraryOf(d));
  const shapes = declarations.map((d) => plain(reader.contractShape(d)));
  return { libraries, shapes, lookups, builder };
}

describe('what the schema reader finds in a library, kept across programs', () => {
  it('a program after an edit asks its checker nothing about the library, and reads the same', () => {
    const memo = new LibraryMemo();
    const programs = session();
    const first = readAll(programs.next(SOURCE), memo);
    const computed = memo.counts.computed;
    assert.ok(first.lookups > 0 && computed > 0);
    const edited = SOURCE.replace("'paid'", "'paid', 'refunded'");
    const second = readAll(programs.next(edited), memo);
    assert.equal(memo.counts.computed, computed, 'nothing about zod is worked out again');
    assert.ok(memo.counts.served > 0);
    assert.equal(second.lookups, 0, 'no member, export or return type of zod is asked of the new checker');
    // The same as a reader without the memo finds in that program.
    const fresh = readAll(session().next(edited), new LibraryMemo());
    assert.deepEqual(second.libraries, fresh.libraries);
    assert.deepEqual(second.shapes, fresh.shapes);
    assert.deepEqual(plain(second.builder.types), plain(fresh.builder.types));
    assert.deepEqual(second.libraries, ['zod4', 'zod4']);
  });

  it('a program whose zod declarations changed is not served what the earlier zod said', () => {
    const memo = new LibraryMemo();
    let changed = false;
    // The same file names; one of zod's declaration files gets another text (another SourceFile).
    const programs = session((rel, text) => (changed && SCHEMAS_DTS.test(rel) && text ? `${text}\nexport declare function addedByUpgrade(): ZodString;\n` : text));
    readAll(programs.next(SOURCE), memo);
    const computed = memo.counts.computed;
    changed = true;
    const upgraded = programs.next(SOURCE);
    const second = readAll(upgraded, memo);
    assert.ok(memo.counts.computed > computed, 'worked out again for the new zod');
    assert.ok(second.lookups > 0);
    assert.deepEqual(second.shapes, readAll(session().next(SOURCE), new LibraryMemo()).shapes);
  });

  it('a program with a module augmentation is not served at all', () => {
    const memo = new LibraryMemo();
    const augmented = `${SOURCE}declare module 'zod' {\n  interface ZodString { extra(): ZodString }\n}\n`;
    const programs = session();
    readAll(programs.next(augmented), memo);
    readAll(programs.next(augmented.replace("'paid'", "'due'")), memo);
    assert.equal(memo.counts.computed + memo.counts.served, 0);
  });
});
