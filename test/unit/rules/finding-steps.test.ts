import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { renderPath } from '../../../server/src/engine/path-steps';
import { compareModels, rules, type Finding } from '../../../server/src/rules';
import { EXAMPLES } from '../../cli/examples';
import { extract } from '../report/sample';
import { SOURCE_CASES } from '../witness/source-cases';
import { FIXTURES, extractFolder, fixtureNames } from './fixture-loader';

/** What the flow must be, from the steps alone: results flow back, everything else in a service is a call. */
function expectedFlow(f: Finding): Finding['flow'] {
  if (f.steps.some((s) => s.kind === 'result')) return 'result';
  return f.contractKind === 'service' ? 'request' : 'message';
}

function checkAll(findings: Finding[]): void {
  assert.ok(findings.length > 0);
  for (const f of findings) {
    assert.ok(Array.isArray(f.steps), `${f.path} has no steps`);
    assert.equal(renderPath(f.contract, f.steps), f.path);
    assert.equal(f.flow, expectedFlow(f), f.path);
  }
}

// Code follows a finding's steps and people read its path: the two must never tell different stories.
describe('every finding carries steps that render to its path, and a flow', () => {
  for (const name of fixtureNames()) {
    test(`fixture ${name}`, () => {
      const oldModel = extractFolder(path.join(FIXTURES, name, 'old'), name).model;
      const newModel = extractFolder(path.join(FIXTURES, name, 'new'), name).model;
      const { findings, suppressed } = compareModels(oldModel, newModel, { rules });
      checkAll([...findings, ...suppressed]);
    });
  }

  const cases = [...EXAMPLES.map((e) => ({ name: e.change, before: e.before, after: e.after })), ...SOURCE_CASES];
  for (const c of cases.filter((x) => x.before !== x.after)) {
    test(`case ${c.name}`, () => {
      const { findings } = compareModels(extract({ 'src/m.ts': c.before }), extract({ 'src/m.ts': c.after }), { rules });
      if (findings.length) checkAll(findings);
    });
  }
});
