import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, compareAll, extractFolder, fixtureNames, readExpected } from './fixture-loader';

// Every rule runs on every fixture, so a change reported by two rules shows up in expected.json.
for (const name of fixtureNames()) {
  describe(`fixture ${name}`, () => {
    const oldSide = extractFolder(path.join(FIXTURES, name, 'old'), `${name} (old)`);
    const newSide = extractFolder(path.join(FIXTURES, name, 'new'), `${name} (new)`);

    test('both versions extract without problems', () => {
      assert.deepEqual(oldSide.problems, []);
      assert.deepEqual(newSide.problems, []);
      assert.ok(Object.keys(oldSide.model.contracts).length > 0, 'old/ declares no contract');
    });

    test('old vs new gives the expected findings, in order', () => {
      assert.deepEqual(compareAll(oldSide.model, newSide.model), readExpected(name));
    });

    test('old vs old gives nothing', () => {
      assert.deepEqual(compareAll(oldSide.model, oldSide.model), []);
    });

    test('new vs new gives nothing', () => {
      assert.deepEqual(compareAll(newSide.model, newSide.model), []);
    });
  });
}
