import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSources, verdictLines } from './compare-sources';

const JSON_VALUE = 'type JSONValue = string | number | boolean | null | { [k: string]: JSONValue } | JSONValue[];\n';

/** Findings (rule, path, directions) for one file before and after, every export a message. */
const verdicts = (before: string, after: string): string[] => verdictLines(compareSources(before, after).findings);

// On a JSON wire `unknown` can only ever be a JSON value, so it and a type that admits every JSON value are the
// same set of values (issue 10, item 2).
describe('unknown and a JSON-value type are the same set on a JSON wire', () => {
  it('a field: unknown -> JSONValue, and back', () => {
    const a = `${JSON_VALUE}export interface Err { code: number; data?: unknown }\n`;
    const b = `${JSON_VALUE}export interface Err { code: number; data?: JSONValue }\n`;
    assert.deepEqual(verdicts(a, b), []);
    assert.deepEqual(verdicts(b, a), []);
  });

  it('an index signature: { [k: string]: unknown } -> { [k: string]: JSONValue }', () => {
    const a = `${JSON_VALUE}export interface Meta { extra: { [k: string]: unknown } }\n`;
    const b = `${JSON_VALUE}export interface Meta { extra: { [k: string]: JSONValue } }\n`;
    assert.deepEqual(verdicts(a, b), []);
  });

  it('a type that leaves out some JSON values still breaks: unknown -> string | number', () => {
    const a = 'export interface Err { data: unknown }\n';
    const b = 'export interface Err { data: string | number }\n';
    assert.ok(verdicts(a, b).some((v) => v.endsWith('old-to-new')), verdicts(a, b).join('\n'));
  });

  it('a JSON type whose objects require a field is narrower than unknown', () => {
    const a = 'export interface Err { data: unknown }\n';
    const b = 'type J = string | number | boolean | null | { kind: string; [k: string]: J } | J[];\nexport interface Err { data: J }\n';
    assert.ok(verdicts(a, b).some((v) => v.endsWith('old-to-new')), verdicts(a, b).join('\n'));
  });
});
