import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ts } from '@ts-morph/common';
import { PARSING_OPTIONS, parsingKey } from '../../../server/src/contracts/parsing-key';

describe('parsingKey: which programs may share a parsed file', () => {
  it('covers every option the compiler says a source file depends on', () => {
    // Internal to the compiler, read here only to keep the public list in step when TypeScript is upgraded.
    const internal = (ts as unknown as { sourceFileAffectingCompilerOptions: { name: string }[] }).sourceFileAffectingCompilerOptions;
    assert.ok(internal.length > 0);
    const missing = internal.map((o) => o.name).filter((name) => !(PARSING_OPTIONS as readonly string[]).includes(name));
    assert.deepEqual(missing, []);
  });

  it('ignores paths and output options, not the target, strictness or JSX', () => {
    const a: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, strict: true, outDir: '/r/a/dist', rootDir: '/r/a/src', configFilePath: '/r/a/tsconfig.json' };
    assert.equal(parsingKey(a), parsingKey({ ...a, outDir: '/r/b/dist', rootDir: '/r/b/src', configFilePath: '/r/b/tsconfig.json', paths: { x: ['y'] } }));
    assert.notEqual(parsingKey(a), parsingKey({ ...a, target: ts.ScriptTarget.ES2015 }));
    assert.notEqual(parsingKey(a), parsingKey({ ...a, strict: false }));
    assert.notEqual(parsingKey(a), parsingKey({ ...a, jsx: ts.JsxEmit.React }));
  });
});
