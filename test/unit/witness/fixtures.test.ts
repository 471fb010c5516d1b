import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compareModels } from '../../../server/src/rules';
import { ruleById, rules } from '../../../server/src/rules';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { FIXTURES, extractFolder, fixtureNames } from '../rules/fixture-loader';
import { checkEnvelopeWitness, checkWitness } from './sides';
import { decode, loadSchema } from './run-decoders';

/** Rules whose findings have no honest JSON witness, and why the test accepts that. */
const NO_WITNESS: Record<string, RegExp> = {
  // A Date or Map is not JSON at all, so no JSON value can show what either side means by it.
  'not-wire-safe': /does not survive JSON/,
  // The baseline reads the value; it loses the field only when it saves it back, which no single value shows.
  'strip-reader-drops-field': /writes the value back/,
};

for (const name of fixtureNames()) {
  describe(`witnesses for fixture ${name}`, () => {
    const oldModel = extractFolder(path.join(FIXTURES, name, 'old'), `${name} (old)`).model;
    const newModel = extractFolder(path.join(FIXTURES, name, 'new'), `${name} (new)`).model;
    const { findings, suppressed } = compareModels(oldModel, newModel, { rules });

    it('has findings to check', () => assert.ok(findings.length + suppressed.length > 0));

    for (const finding of [...findings, ...suppressed]) {
      it(`${finding.rule} at ${finding.path}: the writer writes the witness and the reader cannot read it`, async () => {
        const witness = witnessFor(finding, oldModel, newModel);
        if (ruleById(finding.rule)?.meta.witness === 'codec-envelope') {
          assert.ok(!('none' in witness), `no witness for ${finding.rule} at ${finding.path}: ${'none' in witness ? witness.none : ''}`);
          assert.equal(await checkEnvelopeWitness(finding, witness, oldModel, newModel), undefined);
          return;
        }
        if ('none' in witness) {
          const allowed = NO_WITNESS[finding.rule];
          assert.ok(allowed, `no witness for ${finding.rule} at ${finding.path}: ${witness.none}`);
          assert.match(witness.none, allowed);
          return;
        }
        assert.equal(checkWitness(finding, witness, oldModel, newModel), undefined);
        assert.ok(witness.explanation.length > 0);
        assert.doesNotThrow(() => JSON.stringify(witness.value));
      });
      const schemas = !!oldModel.contracts[finding.contract]?.schema && !!newModel.contracts[finding.contract]?.schema;
      if (schemas && finding.contractKind === 'message' && !ruleById(finding.rule)?.meta.noWitness) {
        it(`${finding.rule} at ${finding.path}: the real decoders agree (the writer's accepts the witness, the reader's rejects it)`, async () => {
          const witness = witnessFor(finding, oldModel, newModel);
          if ('none' in witness) return;
          const oldWrites = witness.writer === 'baseline';
          const writer = await loadSchema(path.join(FIXTURES, name, oldWrites ? 'old' : 'new'), finding.contract);
          const reader = await loadSchema(path.join(FIXTURES, name, oldWrites ? 'new' : 'old'), finding.contract);
          assert.ok(writer && reader, `the fixture does not export the schema ${finding.contract}`);
          assert.notEqual(await decode(writer, witness.value), 'rejects', `the writer's schema rejects ${JSON.stringify(witness.value)}`);
          assert.equal(await decode(reader, witness.value), 'rejects', `the reader's schema accepts ${JSON.stringify(witness.value)}`);
        });
      }
    }
  });
}
