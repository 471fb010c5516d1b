import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { baselineCacheKey, cacheDirectory, ModelCache } from '../../../server/src/project/baseline-model-cache';
import type { WireModel } from '../../../server/src/engine/shape';

const model: WireModel = {
  contracts: { A: { kind: 'message', name: 'A', source: 'jsdoc', loc: { file: 'a.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } } } },
  types: { A: { name: 'A', shape: { kind: 'object', fields: [{ name: 'id', shape: { kind: 'string' }, optional: false }] } } },
};

describe('baseline cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-cache-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const parts = { commit: 'a'.repeat(40), config: '{}', tsconfig: '{}', compilerOptions: { strict: true, target: 9 } };

  it('keys on commit, skew.json, tsconfig and options, not on key order', () => {
    const key = baselineCacheKey(parts);
    assert.equal(baselineCacheKey({ ...parts, compilerOptions: { target: 9, strict: true } }), key);
    assert.notEqual(baselineCacheKey({ ...parts, commit: 'b'.repeat(40) }), key);
    assert.notEqual(baselineCacheKey({ ...parts, config: '{"messages":[]}' }), key);
    assert.notEqual(baselineCacheKey({ ...parts, tsconfig: '{ }' }), key);
    assert.notEqual(baselineCacheKey({ ...parts, compilerOptions: { strict: false, target: 9 } }), key);
  });

  it('round-trips a model and leaves no temporary files', () => {
    const cache = new ModelCache(dir);
    const key = baselineCacheKey(parts);
    assert.equal(cache.read(key), undefined);
    cache.write(key, model);
    assert.deepEqual(cache.read(key), model);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'models')), [`${key}.json`]);
  });

  it('treats a corrupt or foreign entry as missing and rewrites it', () => {
    const cache = new ModelCache(dir);
    const key = baselineCacheKey({ ...parts, commit: 'c'.repeat(40) });
    fs.mkdirSync(path.dirname(cache.fileFor(key)), { recursive: true });
    fs.writeFileSync(cache.fileFor(key), '{"engine": "skew-model-1", "key": "');
    assert.equal(cache.read(key), undefined);
    fs.writeFileSync(cache.fileFor(key), JSON.stringify({ engine: 'old-engine', key, model }));
    assert.equal(cache.read(key), undefined);
    cache.write(key, model);
    assert.deepEqual(cache.read(key), model);
  });

  it('finds its folder from the option, SKEW_CACHE_DIR, XDG_CACHE_HOME, then ~/.cache', () => {
    assert.equal(cacheDirectory('/x/opt', { SKEW_CACHE_DIR: '/x/env' }), '/x/opt');
    assert.equal(cacheDirectory(undefined, { SKEW_CACHE_DIR: '/x/env', XDG_CACHE_HOME: '/x/xdg' }), '/x/env');
    assert.equal(cacheDirectory(undefined, { XDG_CACHE_HOME: '/x/xdg' }), '/x/xdg/skew');
    assert.equal(cacheDirectory(undefined, {}), path.join(os.homedir(), '.cache', 'skew'));
  });
});
