import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ts } from '@ts-morph/common';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options.js';
import { createExtractor, type Extractor } from '../../../server/src/contracts/extractor.js';
import { memoryTree } from '../../../server/src/contracts/memory-tree.js';
import { SourceFileCache } from '../../../server/src/contracts/source-file-cache.js';
import { TreeCompilerHost } from '../../../server/src/contracts/compiler-host.js';
import { LIB_FOLDER, treeFileSystem } from '../../../server/src/contracts/tree-file-system.js';

describe('SourceFileCache', () => {
  it('hands out the same object for the same name, target, key and text, and parses any other text anew', () => {
    const cache = new SourceFileCache();
    const a = cache.get('k', '/p/a.ts', ts.ScriptTarget.ES2022, 'export const a = 1;');
    assert.equal(cache.get('k', '/p/a.ts', ts.ScriptTarget.ES2022, 'export const a = 1;'), a);
    assert.deepEqual(cache.counts, { parsed: 1, shared: 1 });
    const edited = cache.get('k', '/p/a.ts', ts.ScriptTarget.ES2022, 'export const a = 2;');
    assert.notEqual(edited, a);
    assert.equal(edited.text, 'export const a = 2;');
    assert.notEqual(cache.get('other options', '/p/a.ts', ts.ScriptTarget.ES2022, 'export const a = 1;'), a);
    assert.notEqual(cache.get('k', '/p/a.ts', ts.ScriptTarget.ES2015, 'export const a = 1;'), a);
    assert.equal(cache.counts.parsed, 4);
    // Both versions stay: the baseline's text still finds its own object.
    assert.equal(cache.get('k', '/p/a.ts', ts.ScriptTarget.ES2022, 'export const a = 1;'), a);
  });
});

describe('parsing for a program', () => {
  it('walks a file once, binding it: parsing leaves setting parents to the binder, for project and lib files alike', () => {
    const tree = memoryTree({ 'src/a.ts': '/** @wire */\nexport interface A {\n  /** @deprecated */\n  id: string;\n}\n' });
    const host = new TreeCompilerHost(treeFileSystem(tree), 'k', new SourceFileCache());
    const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, lib: ['lib.es5.d.ts'], noEmit: true };
    const fileName = `${treeFileSystem(tree).rootPath}/src/a.ts`;
    const program = ts.createProgram({ rootNames: [fileName], options, host });
    const project = program.getSourceFile(fileName)!;
    const lib = program.getSourceFile(`${LIB_FOLDER}/lib.es5.d.ts`)!;
    const [declaration] = project.statements;
    assert.ok(declaration && ts.isInterfaceDeclaration(declaration));
    // Not walked at parse time (nor by building the program).
    assert.equal(declaration.members[0]!.parent, undefined);
    assert.equal(lib.statements[0]!.parent, undefined);
    program.getTypeChecker();
    // The binder set them, JSDoc included, which is what everything reading a file after that relies on.
    const member = declaration.members[0]!;
    assert.equal(member.parent, declaration);
    assert.equal(declaration.parent, project);
    assert.equal(lib.statements[0]!.parent, lib);
    assert.deepEqual(ts.getJSDocTags(member).map((tag) => tag.tagName.text), ['deprecated']);
    assert.equal(ts.getJSDocTags(declaration)[0]!.parent.parent, declaration);
  });
});

describe('a baseline and a working tree sharing parsed files', () => {
  const baselineFiles = {
    'src/shared.ts': '/** @wire */\nexport interface Shared { id: string }\n',
    'src/changed.ts': '/** @wire */\nexport interface Changed { count: number }\n',
  };
  const workingFiles = { ...baselineFiles, 'src/changed.ts': '/** @wire */\nexport interface Changed { count: string }\n' };

  function extract(files: Record<string, string>, cache: SourceFileCache, seed?: Extractor): Extractor {
    const tree = memoryTree(files);
    const read = readCompilerOptions(tree);
    if ('error' in read) throw new Error(read.error);
    const extractor = createExtractor(tree, {}, read.options, seed?.seed(), [], cache);
    extractor.extract();
    return extractor;
  }
  const sourceFile = (extractor: Extractor, rel: string) => {
    const program = extractor.seed()!.program;
    return program.getSourceFiles().find((f) => f.fileName.endsWith(`/${rel}`))!;
  };

  it('parses an unchanged file once for both programs and a changed one for each, never mixing their texts', () => {
    const cache = new SourceFileCache();
    const baseline = extract(baselineFiles, cache);
    const parsedForBaseline = cache.counts.parsed;
    const working = extract(workingFiles, cache, baseline);
    // Only the changed file was parsed again.
    assert.equal(cache.counts.parsed, parsedForBaseline + 1);
    assert.equal(sourceFile(working, 'src/shared.ts'), sourceFile(baseline, 'src/shared.ts'));
    assert.notEqual(sourceFile(working, 'src/changed.ts'), sourceFile(baseline, 'src/changed.ts'));
    assert.equal(sourceFile(baseline, 'src/changed.ts').text, baselineFiles['src/changed.ts']);
    assert.equal(sourceFile(working, 'src/changed.ts').text, workingFiles['src/changed.ts']);
    // Each program reads its own version of the changed contract through its own checker.
    const fieldType = (extractor: Extractor) => {
      const program = extractor.seed()!.program;
      const declaration = sourceFile(extractor, 'src/changed.ts').statements.find(ts.isInterfaceDeclaration)!;
      const checker = program.getTypeChecker();
      const type = checker.getTypeAtLocation(declaration);
      return checker.typeToString(checker.getTypeOfSymbol(type.getProperties()[0]!));
    };
    assert.equal(fieldType(baseline), 'number');
    assert.equal(fieldType(working), 'string');
  });

  it('gives a model the same contracts whether its files were shared or parsed on their own', () => {
    const cache = new SourceFileCache();
    extract(baselineFiles, cache);
    const shared = extract(workingFiles, cache);
    const alone = extract(workingFiles, new SourceFileCache());
    assert.equal(cache.counts.shared > 0, true);
    const model = (extractor: Extractor) => extractor.extract().model;
    assert.deepEqual(model(shared), model(alone));
    const countShape = (extractor: Extractor) => {
      const shape = model(extractor).types.Changed?.shape;
      return shape?.kind === 'object' ? shape.fields.find((f) => f.name === 'count')?.shape.kind : undefined;
    };
    assert.equal(countShape(shared), 'string');
  });
});
