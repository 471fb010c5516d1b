import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareModels } from '../../../server/src/rules';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { extractFiles } from '../contracts/extract-helper';
import { checkWitness } from './sides';

const BEFORE = `interface Repo { id: number; private: boolean }
export interface PublicEvent { repository: Repo & { private: false }; sender: string }
export interface PingEvent { zen: string }
export type Schema = PublicEvent | PingEvent;
`;
// Optional fields ahead of `repository` use up the sampler's few variations, as a real event's do.
const OPTIONAL = Array.from({ length: 14 }, (_, i) => `o${i}?: boolean;`).join(' ');
const AFTER = BEFORE.replace(
  'export type Schema = PublicEvent | PingEvent;',
  `export interface ConfigEvent { action: "disabled"; ${OPTIONAL} repository: Repo; sender: string }\nexport type Schema = PublicEvent | PingEvent | ConfigEvent;`,
);

// Found on @octokit/webhooks-types: the new variant's plain samples (private: false) are all read as another
// variant, so the witness must steer to one the old union rejects (private: true).
describe('witness for a variant added to a large union', () => {
  it('finds a value the new variant writes and no old variant reads', () => {
    const config = { messages: ['src/m.ts'] };
    const oldModel = extractFiles({ 'src/m.ts': BEFORE }, config).model;
    const newModel = extractFiles({ 'src/m.ts': AFTER }, config).model;
    const finding = compareModels(oldModel, newModel).findings.find((f) => f.rule === 'union-variant-added' && f.contract === 'Schema');
    assert.ok(finding, 'the variant is reported');
    const witness = witnessFor(finding, oldModel, newModel);
    assert.ok('value' in witness, 'none' in witness ? witness.none : '');
    assert.equal(checkWitness(finding, witness, oldModel, newModel), undefined);
  });
});
