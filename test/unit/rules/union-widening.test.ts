import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareModels } from '../../../server/src/rules';
import { messages, s } from '../engine/models';
import { project } from './fixture-loader';

// Widening a field to `T | null` must still compare T with T: a required field removed from T in the same change
// is a field-removed finding inside it, and T itself is not a "new possible value".
test('T -> T | null keeps comparing T field by field', () => {
  const before = messages({ Ev: s.obj({ user: s.ref('User') }), User: s.obj({ id: s.string, name: s.string }) }, ['Ev']);
  const after = messages({ Ev: s.obj({ user: s.union(s.ref('User'), s.null) }), User: s.obj({ id: s.string }) }, ['Ev']);
  assert.deepEqual(compareModels(before, after).findings.map(project), [
    { rule: 'field-removed', contract: 'Ev', path: 'Ev.user.name', breaks: ['new-to-old'] },
    { rule: 'union-variant-added', contract: 'Ev', path: 'Ev.user', breaks: ['new-to-old'] },
  ]);
});

test('T | null -> T keeps comparing T field by field', () => {
  const before = messages({ Ev: s.obj({ user: s.union(s.ref('User'), s.null) }), User: s.obj({ id: s.string }) }, ['Ev']);
  const after = messages({ Ev: s.obj({ user: s.ref('User') }), User: s.obj({ id: s.string, name: s.string }) }, ['Ev']);
  assert.deepEqual(compareModels(before, after).findings.map(project), [
    { rule: 'field-required-added', contract: 'Ev', path: 'Ev.user.name', breaks: ['old-to-new'] },
    { rule: 'union-variant-removed', contract: 'Ev', path: 'Ev.user', breaks: ['old-to-new'] },
  ]);
});
