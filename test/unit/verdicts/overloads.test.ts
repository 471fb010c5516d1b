import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSources, verdictLines } from './compare-sources';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { checkWitness } from '../witness/sides';
import { compareModels } from '../../../server/src/rules';

const USER = 'export interface User { id: string; name: string }\n';
const service = (body: string) => `${USER}/** @rpc */\nexport interface Users {\n${body}}\n`;
const verdicts = (before: string, after: string): string[] => verdictLines(compareSources(service(before), service(after)).findings);

/** Every error finding has a value one side sends and the other refuses, checked apart from how it was found. */
function witnessed(before: string, after: string): void {
  const { findings, oldModel, newModel } = compareSources(service(before), service(after));
  for (const f of findings) {
    const witness = witnessFor(f, oldModel, newModel);
    assert.ok(!('none' in witness), `${f.path}: ${'none' in witness ? witness.none : ''}`);
    assert.equal(checkWitness(f, witness, oldModel, newModel), undefined, f.path);
  }
}

const TWO = '  find(id: string): Promise<User>;\n  find(ids: string[]): Promise<User[]>;\n';
const ONE = '  find(id: string): Promise<User>;\n';

// Issue 10: every call signature of a method is read, not only the first.
describe('overloaded RPC methods', () => {
  it('removing an overload clients still call breaks old-to-new, at that overload', () => {
    assert.deepEqual(verdicts(TWO, ONE), ['rpc-method-removed Users.find(#2) old-to-new']);
    witnessed(TWO, ONE);
  });

  it('adding an overload breaks new-to-old: a baseline server accepts no such call', () => {
    assert.deepEqual(verdicts(ONE, TWO), ['rpc-method-added Users.find(#2) new-to-old']);
    witnessed(ONE, TWO);
  });

  it('the removed overload is named by its signature and shown on the method that lost it', () => {
    const { findings } = compareSources(service(TWO), service(ONE));
    assert.equal(findings[0]?.message, 'Overload `find(ids: string[])` was removed; baseline clients may still call it, and no remaining overload of `find` accepts the call.');
    assert.equal(findings[0]?.loc?.range.start.line, 3, 'the surviving `find`');
    assert.equal(findings[0]?.baselineLoc?.range.start.line, 4, 'the baseline overload');
  });

  it('overloads pair by their parameters, not their position: a reordered overload whose result changed', () => {
    const before = '  find(id: string): Promise<{ a: number }>;\n  find(ids: string[]): Promise<{ a: number }[]>;\n';
    const after = '  find(ids: string[]): Promise<{ a: number }[]>;\n  find(id: string): Promise<{ a: string }>;\n';
    assert.deepEqual(verdicts(before, after), ['type-changed Users.find(#2)(result).a old-to-new,new-to-old']);
    witnessed(before, after);
  });

  it('the one overload left over on each side is that overload changed', () => {
    const before = '  find(id: string): Promise<User>;\n  find(id: string, limit: number): Promise<User[]>;\n';
    const after = '  find(id: string): Promise<User>;\n  find(id: string, limit: string): Promise<User[]>;\n';
    assert.deepEqual(verdicts(before, after), ['type-changed Users.find(#2)(limit) old-to-new,new-to-old']);
    witnessed(before, after);
  });

  it('overloads merged into one signature that takes every old call are no break', () => {
    const before = '  get(id: string): Promise<User>;\n  get(id: number): Promise<User>;\n';
    const after = '  get(id: string | number): Promise<User>;\n';
    assert.deepEqual(verdicts(before, after), []);
    assert.deepEqual(verdicts(after, before), []);
  });

  it('an overload added whose calls another overload already served is no break', () => {
    const before = '  find(id: string, opts?: { deep: boolean }): Promise<User>;\n';
    const after = '  find(id: string, opts?: { deep: boolean }): Promise<User>;\n  find(id: string): Promise<User>;\n';
    assert.deepEqual(verdicts(before, after), []);
  });

  it('a method removed with all its overloads is one finding on the method', () => {
    assert.deepEqual(verdicts(TWO + '  ping(): Promise<void>;\n', '  ping(): Promise<void>;\n'), ['rpc-method-removed Users.find old-to-new']);
  });

  it('overloads in a function-typed property are read too', () => {
    const before = '  find: { (id: string): Promise<User>; (ids: string[]): Promise<User[]> };\n';
    assert.deepEqual(verdicts(before, ONE), ['rpc-method-removed Users.find(#2) old-to-new']);
  });
});

describe('an overload in skew.json ignore and skew-ignore comments', () => {
  it('a glob names one overload by its path; a comment on the remaining signature silences its removal', () => {
    const before = service(TWO);
    const { oldModel, newModel } = compareSources(before, service(ONE));
    const ignored = compareModels(oldModel, newModel, { ignore: [{ path: 'Users.find(#2)', reason: 'no client sends lists' }] });
    assert.deepEqual(verdictLines(ignored.findings), []);
    assert.deepEqual(verdictLines(ignored.suppressed), ['rpc-method-removed Users.find(#2) old-to-new']);
    const commented = compareSources(before, service('  // skew-ignore rpc-method-removed: no client sends lists\n' + ONE));
    assert.deepEqual(verdictLines(commented.findings), []);
  });
});
