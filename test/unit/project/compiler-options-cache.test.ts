import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options';
import { memoryTree } from '../../../server/src/contracts/memory-tree';
import type { SourceTree } from '../../../server/src/common/source';
import { CompilerOptionsCache } from '../../../server/src/project/compiler-options-cache';

describe('CompilerOptionsCache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-options-cache-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  let n = 0;

  /** Reads `tree`'s options through a fresh cache folder shared by the calls of one test; counts real reads. */
  const reader = () => {
    const cache = new CompilerOptionsCache(path.join(dir, `case-${n++}`));
    const loads: string[] = [];
    const get = (tree: SourceTree) =>
      cache.get(tree, () => {
        loads.push(tree.label);
        return readCompilerOptions(tree);
      });
    return { get, loads };
  };

  it('answers from the cache while the config files are the same, and reads them again after an edit', () => {
    const { get, loads } = reader();
    const files = {
      'tsconfig.json': '{ "extends": "./config/base.json", "compilerOptions": { "strict": false } }',
      'config/base.json': '{ "compilerOptions": { "exactOptionalPropertyTypes": true } }',
    };
    const first = get(memoryTree(files, 'first'));
    const second = get(memoryTree(files, 'second'));
    assert.deepEqual(loads, ['first']);
    assert.deepEqual(second, { options: (first as { options: unknown }).options });
    assert.ok('options' in second && second.options.exactOptionalPropertyTypes === true);

    // only the extended file changes: tsconfig.json's text is the same, the options are not
    const edited = get(memoryTree({ ...files, 'config/base.json': '{ "compilerOptions": { "exactOptionalPropertyTypes": false } }' }, 'edited'));
    assert.deepEqual(loads, ['first', 'edited']);
    assert.ok('options' in edited && edited.options.exactOptionalPropertyTypes === false);
  });

  it('reads again when a file appears where resolving extends looked before', () => {
    const { get, loads } = reader();
    const files = {
      'tsconfig.json': '{ "extends": "@acme/tsconfig" }',
      'node_modules/@acme/tsconfig/tsconfig.json': '{ "compilerOptions": { "strict": true } }',
    };
    const first = get(memoryTree(files, 'first'));
    assert.ok('options' in first && first.options.strict === true);
    const withPackageJson = {
      ...files,
      'node_modules/@acme/tsconfig/package.json': '{ "name": "@acme/tsconfig", "tsconfig": "./loose.json" }',
      'node_modules/@acme/tsconfig/loose.json': '{ "compilerOptions": { "strict": false } }',
    };
    const second = get(memoryTree(withPackageJson, 'second'));
    assert.deepEqual(loads, ['first', 'second']);
    assert.ok('options' in second && second.options.strict === false);
  });

  it('does not keep errors: a broken tsconfig.json is read again every time', () => {
    const { get, loads } = reader();
    const files = { 'tsconfig.json': '{ "compilerOptions": { "target": "ES1999" } }' };
    assert.ok('error' in get(memoryTree(files, 'first')));
    assert.ok('error' in get(memoryTree(files, 'second')));
    assert.deepEqual(loads, ['first', 'second']);
  });

  it('treats an unreadable cache entry as missing', () => {
    const cacheDir = path.join(dir, 'corrupt');
    const files = { 'tsconfig.json': '{ "compilerOptions": { "strict": true } }' };
    const cache = new CompilerOptionsCache(cacheDir);
    cache.get(memoryTree(files), () => readCompilerOptions(memoryTree(files)));
    const [entry] = fs.readdirSync(path.join(cacheDir, 'compiler-options'));
    fs.writeFileSync(path.join(cacheDir, 'compiler-options', entry!), '{ not json');
    let loaded = 0;
    const read = cache.get(memoryTree(files), () => (loaded++, readCompilerOptions(memoryTree(files))));
    assert.equal(loaded, 1);
    assert.ok('options' in read && read.options.strict === true);
  });
});
