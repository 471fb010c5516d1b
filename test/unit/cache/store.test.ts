import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CacheStore, pruneLimits } from '../../../server/src/cache/store';

const DAY = 24 * 60 * 60 * 1000;
const key = (n: number) => n.toString(16).padStart(40, '0');
const anything = (v: unknown) => v;

describe('CacheStore', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-store-'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  let n = 0;
  const folder = () => path.join(root, `case-${n++}`);

  /** Sets an entry's last use to `ago` milliseconds before now. */
  const usedAgo = (store: CacheStore, k: string, ago: number) => {
    const when = new Date(Date.now() - ago);
    fs.utimesSync(store.fileFor('models', k), when, when);
  };
  const kept = (store: CacheStore) => fs.readdirSync(path.join(store.dir, 'models')).sort();

  it('round-trips a value and checks it with the caller\'s validator', () => {
    const store = new CacheStore(folder());
    store.write('models', key(1), { a: 1 });
    assert.deepEqual(store.read('models', key(1), anything), { a: 1 });
    assert.equal(store.read('models', key(1), () => undefined), undefined);
    assert.equal(fs.existsSync(store.fileFor('models', key(1))), false, 'an entry the validator rejects is dropped');
    assert.equal(store.read('models', key(2), anything), undefined);
  });

  it('rejects an entry copied under another key', () => {
    const store = new CacheStore(folder());
    store.write('models', key(1), { a: 1 });
    fs.copyFileSync(store.fileFor('models', key(1)), store.fileFor('models', key(2)));
    assert.equal(store.read('models', key(2), anything), undefined);
  });

  it('removes entries unused for longer than the age limit', () => {
    const store = new CacheStore(folder(), { maxBytes: 1e9, maxAgeMs: 30 * DAY });
    for (const i of [1, 2]) store.write('models', key(i), { i });
    usedAgo(store, key(1), 31 * DAY);
    usedAgo(store, key(2), 29 * DAY);
    store.prune();
    assert.deepEqual(kept(store), [`${key(2)}.json`]);
  });

  it('evicts the least recently used entries past the size limit; a read counts as a use', () => {
    const store = new CacheStore(folder(), { maxBytes: 1e9, maxAgeMs: 30 * DAY });
    const big = 'x'.repeat(10_000);
    for (const i of [1, 2, 3, 4]) store.write('models', key(i), { big });
    const size = fs.statSync(store.fileFor('models', key(1))).size;
    usedAgo(store, key(1), 4 * DAY);
    usedAgo(store, key(2), 3 * DAY);
    usedAgo(store, key(3), 2 * DAY);
    usedAgo(store, key(4), 1 * DAY);
    assert.ok(store.read('models', key(1), anything), 'reading the oldest makes it the newest');
    new CacheStore(store.dir, { maxBytes: 2 * size + 10, maxAgeMs: 30 * DAY }).prune();
    assert.deepEqual(kept(store), [`${key(1)}.json`, `${key(4)}.json`]);
  });

  it('prunes only its own entries and stale temporary files, and keeps what this run wrote', () => {
    const dir = folder();
    const store = new CacheStore(dir, { maxBytes: 1, maxAgeMs: DAY });
    store.write('models', key(1), { fresh: true });
    const models = path.join(dir, 'models');
    fs.writeFileSync(path.join(models, 'notes.txt'), 'mine');
    const staleTemp = path.join(models, `${key(2)}.json.123.abcdef01.tmp`);
    fs.writeFileSync(staleTemp, '{');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(staleTemp, old, old);
    store.prune();
    assert.deepEqual(fs.readdirSync(models).sort(), [`${key(1)}.json`, 'notes.txt']);
  });

  it('prunes after the first write of a run', () => {
    const dir = folder();
    fs.mkdirSync(path.join(dir, 'models'), { recursive: true, mode: 0o700 });
    const ancient = path.join(dir, 'models', `${key(9)}.json`);
    fs.writeFileSync(ancient, 'old', { mode: 0o600 });
    fs.utimesSync(ancient, new Date(0), new Date(0));
    new CacheStore(dir, { maxBytes: 1e9, maxAgeMs: DAY }).write('models', key(1), {});
    assert.equal(fs.existsSync(ancient), false);
  });

  it('reads its limits from SKEW_CACHE_MAX_MB and SKEW_CACHE_MAX_AGE_DAYS', () => {
    assert.deepEqual(pruneLimits({ SKEW_CACHE_MAX_MB: '10', SKEW_CACHE_MAX_AGE_DAYS: '2' }), { maxBytes: 10 * 1024 * 1024, maxAgeMs: 2 * DAY });
    assert.deepEqual(pruneLimits({ SKEW_CACHE_MAX_MB: 'lots', SKEW_CACHE_MAX_AGE_DAYS: '-1' }), pruneLimits({}));
    assert.equal(pruneLimits({}).maxBytes, 512 * 1024 * 1024);
  });

  it('trusts no entry and writes none when the sealing key is readable by others', () => {
    const store = new CacheStore(folder());
    store.write('models', key(1), { a: 1 });
    fs.chmodSync(path.join(store.dir, 'integrity-key'), 0o644);
    const again = new CacheStore(store.dir);
    assert.equal(again.read('models', key(1), anything), undefined);
    assert.throws(() => again.write('models', key(2), {}), /not private/);
  });

  it('makes an open folder left by an older skew private', () => {
    const dir = folder();
    fs.mkdirSync(path.join(dir, 'models'), { recursive: true, mode: 0o755 });
    fs.chmodSync(path.join(dir, 'models'), 0o755);
    new CacheStore(dir).write('models', key(1), {});
    assert.equal(fs.statSync(path.join(dir, 'models')).mode & 0o777, 0o700);
    assert.equal(fs.statSync(path.join(dir, 'models', `${key(1)}.json`)).mode & 0o777, 0o600);
  });
});
