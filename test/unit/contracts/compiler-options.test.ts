import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options.js';
import { memoryTree } from '../../../server/src/contracts/memory-tree.js';

describe('readCompilerOptions', () => {
  it('follows extends inside the tree', () => {
    const tree = memoryTree({
      'tsconfig.json': '{ "extends": "./config/base.json", "compilerOptions": { "strict": false } }',
      'config/base.json': '{ "compilerOptions": { "strict": true, "exactOptionalPropertyTypes": true, "baseUrl": ".." } }',
    });
    const read = readCompilerOptions(tree);
    assert.ok('options' in read, JSON.stringify(read));
    assert.equal(read.options.strict, false);
    assert.equal(read.options.exactOptionalPropertyTypes, true);
    assert.equal(read.options.baseUrl, '/memory');
  });

  it('reports a missing tsconfig.json in one line', () => {
    const read = readCompilerOptions(memoryTree({ 'a.ts': '' }, 'deployed (v1)', { withDefaultTsconfig: false }));
    assert.ok('error' in read);
    assert.match(read.error, /^No tsconfig\.json at the root of deployed \(v1\)/);
    assert.doesNotMatch(read.error, /\n/);
  });

  it('reports invalid JSON and unknown options', () => {
    const broken = readCompilerOptions(memoryTree({ 'tsconfig.json': '{ "compilerOptions": { "strict": ' }));
    assert.ok('error' in broken);
    assert.match(broken.error, /^Invalid tsconfig\.json in memory: /);
    const unknown = readCompilerOptions(memoryTree({ 'tsconfig.json': '{ "compilerOptions": { "target": "ES1999" } }' }));
    assert.ok('error' in unknown);
    assert.match(unknown.error, /target/);
  });

  it('reports a JSON syntax error that the option parser reads past', () => {
    const read = readCompilerOptions(memoryTree({ 'tsconfig.json': '{ "compilerOptions": { "strict": true } "include": ["src"] }' }));
    assert.ok('error' in read, JSON.stringify(read));
    assert.match(read.error, /^Invalid tsconfig\.json in memory: ',' expected\. \(.*tsconfig\.json:1:41\)$/);
  });

  it('reports a missing extends target', () => {
    const read = readCompilerOptions(memoryTree({ 'tsconfig.json': '{ "extends": "./nope.json" }' }));
    assert.ok('error' in read);
    assert.match(read.error, /nope\.json/);
  });
});
