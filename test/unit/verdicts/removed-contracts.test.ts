import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSources } from './compare-sources';

const findings = (before: string, after: string, config?: { messages?: string[] }) => compareSources(before, after, config).findings;

// Issue 10, item 7: whether a removal breaks depends on whether the name itself travels.
describe('contract-removed: only names that travel', () => {
  it('a type every-export globbing made a message, used inside another contract and renamed: nothing', () => {
    const before = 'export interface Category { id: number }\nexport interface Discussion { category: Category }\n';
    const after = 'export interface DiscussionCategory { id: number }\nexport interface Discussion { category: DiscussionCategory }\n';
    assert.deepEqual(findings(before, after), []);
  });

  it('the same type removed while its container changes: the container reports the change, not the removal', () => {
    const before = 'export interface Category { id: number }\nexport interface Discussion { category: Category }\n';
    const after = 'export interface Discussion { category: { id: string } }\n';
    const rules = findings(before, after).map((f) => `${f.rule} ${f.path}`);
    assert.deepEqual(rules, ['type-changed Discussion.category.id']);
  });

  it('a message declared with @wire is taken at its word, contained or not', () => {
    const before = '/** @wire */\nexport interface Category { id: number }\n/** @wire */\nexport interface Discussion { category: Category }\n';
    const after = '/** @wire */\nexport interface Discussion { category: { id: number } }\n';
    assert.deepEqual(findings(before, after, {}).map((f) => `${f.rule} ${f.path}`), ['contract-removed Category']);
  });

  it('a top-level message removed while another with the same shape appears: reported, and named as a likely rename', () => {
    const before = 'export interface OrderPlaced { id: string; total: number }\n';
    const after = 'export interface OrderCreated { id: string; total: number }\n';
    const [finding, ...rest] = findings(before, after);
    assert.equal(rest.length, 0);
    assert.equal(finding?.rule, 'contract-removed');
    assert.match(finding?.message ?? '', /renamed to `OrderCreated` \(same shape\)/);
  });
});
