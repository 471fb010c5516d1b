import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { checkWitness } from '../witness/sides';
import { compareSources } from './compare-sources';

const compare = compareSources;

// Issue 10: `any` in an index signature that swallows a declared optional field. By the model, this version may
// now write anything under that key, and the baseline still reads it as declared: new-to-old.
describe('an optional field swallowed by an index signature', () => {
  const BEFORE = 'export interface Req { params?: { _meta?: { progressToken?: string | number }; [k: string]: unknown } }\n';

  it('to `any`: new-to-old, with a witness the baseline rejects', () => {
    const { oldModel, newModel, findings } = compare(BEFORE, 'export interface Req { params?: { [k: string]: any } }\n');
    assert.deepEqual(findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')}`), ['field-removed Req.params._meta new-to-old']);
    const witness = witnessFor(findings[0]!, oldModel, newModel);
    assert.ok('value' in witness, 'none' in witness ? witness.none : '');
    assert.equal(checkWitness(findings[0]!, witness, oldModel, newModel), undefined);
  });

  it('to an index the old field type reads anyway: nothing', () => {
    const { findings } = compare(
      'export interface Req { params?: { _meta?: string; [k: string]: string } }\n',
      'export interface Req { params?: { [k: string]: string } }\n',
    );
    assert.deepEqual(findings, []);
  });

  it('dropped without an index signature: nothing (readers ignore what is not sent)', () => {
    const { findings } = compare('export interface Req { a?: string; b: string }\n', 'export interface Req { b: string }\n');
    assert.deepEqual(findings, []);
  });
});
