import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { isWithin, readTextFile, RefusedFile } from '../../../server/src/common/safe-read';
import { parseConfig } from '../../../server/src/project/config';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-safe-read-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const refused = (file: string, pattern: RegExp) =>
  assert.throws(() => readTextFile(file, 1024), (e: unknown) => e instanceof RefusedFile && e.message.startsWith(file) && pattern.test(e.message));

describe('readTextFile', () => {
  it('reads a regular file whole', () => {
    const file = path.join(dir, 'a.ts');
    fs.writeFileSync(file, 'x'.repeat(1024));
    assert.equal(readTextFile(file, 1024), 'x'.repeat(1024));
  });

  it('is undefined for a missing file or a folder', () => {
    assert.equal(readTextFile(path.join(dir, 'missing.ts'), 1024), undefined);
    assert.equal(readTextFile(dir, 1024), undefined);
  });

  it('refuses a file over the cap, naming it', () => {
    const file = path.join(dir, 'big.ts');
    fs.writeFileSync(file, 'x'.repeat(1025));
    refused(file, /larger than/);
  });

  it('refuses devices, also through a symlink, without reading them', { skip: process.platform === 'win32' }, () => {
    refused('/dev/zero', /not a regular file/);
    const link = path.join(dir, 'zero.ts');
    fs.symlinkSync('/dev/zero', link);
    refused(link, /not a regular file/);
  });

  it('refuses a named pipe without waiting for a writer', { skip: process.platform === 'win32' }, () => {
    const fifo = path.join(dir, 'fifo.ts');
    execFileSync('mkfifo', [fifo]);
    refused(fifo, /not a regular file/);
  });
});

describe('isWithin', () => {
  it('tells a folder and what is below it from its neighbours', () => {
    assert.equal(isWithin('/a/b', '/a/b'), true);
    assert.equal(isWithin('/a/b', '/a/b/c/d'), true);
    assert.equal(isWithin('/a/b', '/a/bc'), false);
    assert.equal(isWithin('/a/b', '/a'), false);
    assert.equal(isWithin('/a/b', '/a/b/../c'), false);
  });
});

describe('skew.json with a byte order mark', () => {
  it('is read like the same file without one', () => {
    assert.deepEqual(parseConfig('\uFEFF{ "baseline": "v1" }'), { baseline: 'v1' });
  });
});
