import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options';
import { createExtractor } from '../../../server/src/contracts/extractor';
import { memoryTree } from '../../../server/src/contracts/memory-tree';
import { compareModels } from '../../../server/src/rules';
import type { WireModel } from '../../../server/src/engine/shape';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { EXAMPLES } from '../../cli/examples';
import { checkWitness } from './sides';
import { SOURCE_CASES } from './source-cases';

function extract(source: string): WireModel {
  const tree = memoryTree({ 'src/m.ts': source });
  const compiler = readCompilerOptions(tree);
  if ('error' in compiler) throw new Error(compiler.error);
  return createExtractor(tree, {}, compiler.options).extract().model;
}

// The compatibility model's examples table plus harder shapes: every finding gets an honest witness.
const cases = [...EXAMPLES.map((e) => ({ name: e.change, before: e.before, after: e.after })), ...SOURCE_CASES];
for (const c of cases) {
  describe(`witnesses: ${c.name}`, () => {
    const oldModel = extract(c.before);
    const newModel = extract(c.after);
    const { findings } = compareModels(oldModel, newModel);
    for (const finding of findings) {
      it(`${finding.rule} at ${finding.path}`, () => {
        const witness = witnessFor(finding, oldModel, newModel);
        assert.ok('value' in witness, `no witness: ${'none' in witness ? witness.none : ''}`);
        assert.equal(checkWitness(finding, witness, oldModel, newModel), undefined);
      });
    }
  });
}

describe('witness details', () => {
  const find = (name: string) => {
    const c = SOURCE_CASES.find((x) => x.name === name)!;
    const oldModel = extract(c.before);
    const newModel = extract(c.after);
    return { oldModel, newModel, findings: compareModels(oldModel, newModel).findings };
  };

  it('an enum whose values were swapped gets a value both sides accept and read as different members', () => {
    const { oldModel, newModel, findings } = find('enum values swapped (same set)');
    const low = findings.find((f) => f.path === 'M.p.Low')!;
    const w = witnessFor(low, oldModel, newModel);
    assert.ok('value' in w);
    assert.equal(w.kind, 'misread');
    assert.deepEqual(w.value, { p: 0 });
    assert.match(w.explanation, /the value 0 means Low to the baseline and High to this version/);
  });

  it('keeps a string-literal type verbatim in the value (escaping is the renderer’s job)', () => {
    const { oldModel, newModel, findings } = find('literal union with markup');
    const w = witnessFor(findings[0]!, oldModel, newModel);
    assert.ok('value' in w);
    assert.deepEqual(w.value, { kind: '<script>alert(1)</script>' });
    assert.equal(w.writer, 'this version');
  });

  it('says which version writes an RPC result: the callee', () => {
    const { oldModel, newModel, findings } = find('RPC result field nested in an array');
    const w = witnessFor(findings[0]!, oldModel, newModel);
    assert.ok('value' in w);
    assert.equal(w.direction, 'old-to-new');
    assert.equal(w.writer, 'this version', 'old-to-new: an old client calls a new server, which writes the result');
    assert.match(w.explanation, /^This version's S\.list returns this result; a baseline client cannot read it/);
  });

  it('names the method it calls when a whole service is gone', () => {
    const before = '/** @rpc */\nexport interface Billing {\n  charge(id: string, amount: number): Promise<string>;\n}\n/** @wire */\nexport interface Keep { id: string }\n';
    const oldModel = extract(before);
    const newModel = extract('/** @wire */\nexport interface Keep { id: string }\n');
    const [finding] = compareModels(oldModel, newModel).findings;
    const w = witnessFor(finding!, oldModel, newModel);
    assert.ok('value' in w);
    assert.deepEqual(w.value, ['x', 0]);
    assert.match(w.explanation, /^Baseline calls Billing\.charge with these parameters; this version's server cannot read it: this version has no Billing\./);
  });

  it('gives no witness for a value JSON cannot carry, and says why', () => {
    const oldModel = extract('/** @wire */\nexport interface M { at: string }\n');
    const newModel = extract('/** @wire */\nexport interface M { at: Date }\n');
    const unsafe = compareModels(oldModel, newModel).findings.find((f) => f.rule === 'not-wire-safe')!;
    const w = witnessFor(unsafe, oldModel, newModel);
    assert.ok('none' in w);
    assert.match(w.none, /does not survive JSON/);
  });

  it("follows the finding's steps, never its rendered path", () => {
    const { oldModel, newModel, findings } = find('array element field type');
    const w = witnessFor({ ...findings[0]!, path: 'M..(' }, oldModel, newModel);
    assert.ok('value' in w, 'none' in w ? w.none : '');
    assert.deepEqual(w, witnessFor(findings[0]!, oldModel, newModel));
  });
});
