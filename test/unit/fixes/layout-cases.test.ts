import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFile } from '../../../server/src/contracts/parsed-file';
import { syntaxErrors } from './compile-errors';
import { fixesFor } from '../../../server/src/fixes';
import { applyFixEdits, checkFix, loadPair, type Files } from './fix-harness';

/** Layouts and names the fixture pairs do not use: each fix must still land inside the right braces. */

const WIRE = '/** @wire */\n';

function onlySafeFix(oldFiles: Files, newFiles: Files, rule: string, path: string) {
  const pair = loadPair('layout', oldFiles, newFiles);
  const finding = pair.comparison.findings.find((f) => f.rule === rule && f.path === path);
  assert.ok(finding, `no ${rule} at ${path}; have ${pair.comparison.findings.map((f) => `${f.rule} ${f.path}`).join(', ')}`);
  const { fixes, unavailable } = fixesFor(finding, pair.input);
  const safe = fixes.filter((f) => f.safe);
  assert.equal(safe.length, 1, JSON.stringify(unavailable));
  const fix = safe[0]!;
  const after = applyFixEdits(pair.new, fix.edits);
  for (const [file, text] of Object.entries(after)) assert.deepEqual(syntaxErrors(parseFile(file, text)), [], text);
  return { pair, finding, fix, after };
}

describe('restoring a member where the braces share a line with members', () => {
  test('before a first member written on the `{` line', () => {
    const { after, pair, finding, fix } = onlySafeFix(
      { 'f.ts': `${WIRE}export interface F { a: string;\n  b: string;\n  c: string;\n}\n` },
      { 'f.ts': `${WIRE}export interface F { b: string;\n  c: string;\n}\n` },
      'field-removed',
      'F.a',
    );
    assert.equal(
      after['f.ts'],
      `${WIRE}export interface F {\n  /** @deprecated still required by v1.4.0 readers; remove once none is left */\n  a?: string;\n  b: string;\n  c: string;\n}\n`,
    );
    assert.deepEqual(checkFix(pair, finding, fix), []);
  });

  test('after a last member written on the `}` line', () => {
    const { after, pair, finding, fix } = onlySafeFix(
      { 'f.ts': `${WIRE}export interface F {\n  a: string;\n  b: string;\n  c: string; }\n` },
      { 'f.ts': `${WIRE}export interface F {\n  a: string;\n  b: string; }\n` },
      'field-removed',
      'F.c',
    );
    assert.equal(
      after['f.ts'],
      `${WIRE}export interface F {\n  a: string;\n  b: string;\n  /** @deprecated still required by v1.4.0 readers; remove once none is left */\n  c?: string;\n}\n`,
    );
    assert.deepEqual(checkFix(pair, finding, fix), []);
  });

  test('an enum member after a last member without a comma on the `}` line, keeping a comment there', () => {
    const user = `${WIRE}export interface M {\n  e: E;\n}\n`;
    const { after, pair, finding, fix } = onlySafeFix(
      { 'e.ts': `export enum E {\n  A,\n  B,\n  C }\n${user}` },
      { 'e.ts': `export enum E {\n  A,\n  B /* b */ }\n${user}` },
      'enum-member-removed',
      'M.e.C',
    );
    assert.equal(after['e.ts'], `export enum E {\n  A,\n  B, /* b */\n  /** @deprecated still sent by v1.4.0 senders */\n  C = 2\n}\n${user}`);
    assert.deepEqual(checkFix(pair, finding, fix), []);
  });

  test('a method of a service whose `}` follows the last method', () => {
    const { after } = onlySafeFix(
      { 's.ts': '/** @rpc */\nexport interface Svc {\n  a(): Promise<void>;\n  b(): Promise<void>; }\n' },
      { 's.ts': '/** @rpc */\nexport interface Svc {\n  a(): Promise<void>; }\n' },
      'rpc-method-removed',
      'Svc.b',
    );
    assert.equal(after['s.ts'], '/** @rpc */\nexport interface Svc {\n  a(): Promise<void>;\n  /** @deprecated still called by v1.4.0 clients */\n  b(): Promise<void>;\n}\n');
  });
});

describe('names a path cannot spell unambiguously', () => {
  test('a quoted field name holding a dot is still found', () => {
    const { after, fix, pair, finding } = onlySafeFix(
      { 's.ts': `${WIRE}export interface S {\n  'a.b': number;\n}\n` },
      { 's.ts': `${WIRE}export interface S {\n  'a.b'?: number;\n}\n` },
      'field-made-optional',
      'S["a.b"]',
    );
    assert.equal(fix.title, 'Keep `a.b` required so v1.4.0 readers still get it');
    assert.equal(after['s.ts'], `${WIRE}export interface S {\n  'a.b': number;\n}\n`);
    assert.deepEqual(checkFix(pair, finding, fix), []);
  });
});

describe('classes with constructor parameter properties', () => {
  test('a new parameter property is a field: its title speaks of senders, not of clients calling', () => {
    const { after, fix } = onlySafeFix(
      { 'k.ts': `${WIRE}export class K {\n  constructor(public x: number) {}\n}\n` },
      { 'k.ts': `${WIRE}export class K {\n  constructor(public x: number, public z: number) {}\n}\n` },
      'field-required-added',
      'K.z',
    );
    assert.equal(fix.title, 'Make `z` optional so v1.4.0 senders stay valid');
    assert.equal(after['k.ts'], `${WIRE}export class K {\n  constructor(public x: number, public z?: number) {}\n}\n`);
  });
});
