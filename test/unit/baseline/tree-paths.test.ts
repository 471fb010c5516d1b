import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { toRel } from '../../../server/src/baseline/tree-paths';

/** The long way round, as toRel does for anything not already canonical. */
function slow(root: string, p: string): string {
  let rel = path.isAbsolute(p) ? path.relative(root, p) : p;
  rel = path.posix.normalize(rel.split(path.sep).join('/'));
  if (rel === '.' || rel === './') return '';
  return rel.replace(/^\.\//, '').replace(/\/$/, '');
}

describe('toRel', () => {
  const root = '/repo/project';
  const inputs = [
    'src/a.ts', 'a.ts', './a.ts', '../a.ts', 'src/../a.ts', 'src/./a.ts', 'src//a.ts', 'src/a/', '', '.', './',
    '.git/x', '..x/a', '.hidden/a.ts', 'node_modules/x/index.d.ts', '/repo/project/src/a.ts', '/repo/project',
    '/repo/other/a.ts', 'src/..', 'a/b/../../c.ts',
  ];
  for (const p of inputs) {
    it(`"${p}" is made relative and canonical`, () => assert.equal(toRel(root, p), slow(root, p)));
  }
});
