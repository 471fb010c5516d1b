import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options.js';
import { createExtractor } from '../../../server/src/contracts/extractor.js';
import { memoryTree } from '../../../server/src/contracts/memory-tree.js';
import { extractFiles, typeShape, withoutLocs } from './extract-helper.js';

describe('extractor problems', () => {
  it('reports a syntax error as a problem without throwing, and still reads the rest', () => {
    const result = extractFiles({
      'a.ts': '/** @wire */\nexport interface Ok { id: string }\n/** @wire */\nexport interface Broken { id: string;; x: }',
    });
    assert.ok(result.problems.length > 0);
    assert.equal(result.problems[0]?.file, 'a.ts');
    assert.equal(result.problems[0]?.range.start.line, 3);
    assert.ok(result.model.contracts.Ok);
  });

  it('reports an unresolved import of a contract file', () => {
    const result = extractFiles({ 'a.ts': "import { Gone } from './gone';\n/** @wire */\nexport interface M { g: Gone }" });
    assert.equal(result.problems.length, 1);
    assert.deepEqual(result.problems[0]?.range.start, { line: 0, character: 21 });
    assert.match(result.problems[0]?.message, /Cannot resolve import '\.\/gone'/);
    assert.deepEqual(withoutLocs(typeShape(result.model, 'M')), {
      kind: 'object',
      fields: [{ name: 'g', shape: { kind: 'any' }, optional: false }],
    });
  });

  it('does not warn about Node built-in modules, whose ambient types are left out on purpose', () => {
    const result = extractFiles({
      'a.ts': "import { randomUUID } from 'node:crypto';\nimport * as fs from 'fs';\nimport { join } from 'path/posix';\nimport { Gone } from 'no-such-package';\n/** @wire */\nexport interface M { id: string }\n",
    });
    assert.deepEqual(result.problems.map((p) => p.message), [
      "Cannot resolve import 'no-such-package' in memory; types from it are read as any.",
    ]);
  });

  it('analyses a baseline under another root with the working tree options', () => {
    const working = memoryTree({
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "ESNext", "moduleResolution": "Bundler", "baseUrl": ".", "paths": { "@lib/*": ["lib/*"] } } }',
      'lib/line.ts': 'export interface Line { sku: string }',
      'a.ts': "import { Line } from '@lib/line';\n/** @wire */\nexport interface M { line: Line }",
    });
    const read = readCompilerOptions(working);
    assert.ok('options' in read);
    const baseline = memoryTree(
      { 'lib/line.ts': 'export interface Line { sku: number }', 'a.ts': "import { Line } from '@lib/line';\n/** @wire */\nexport interface M { line: Line }" },
      'deployed',
      { root: '/baseline/v1', withDefaultTsconfig: false },
    );
    const result = createExtractor(baseline, {}, read.options).extract();
    assert.deepEqual(result.problems, []);
    assert.deepEqual(withoutLocs(typeShape(result.model, 'Line')), {
      kind: 'object',
      fields: [{ name: 'sku', shape: { kind: 'number' }, optional: false }],
    });
  });
});

describe('incremental update', () => {
  it('re-extracts correctly after edits, new contracts and removed tags', () => {
    const files: Record<string, string> = {
      'a.ts': "import { Line } from './line';\n/** @wire */\nexport interface Order { lines: Line[] }",
      'line.ts': 'export interface Line { sku: string }',
      'other.ts': 'export const x = 1;',
    };
    const tree = memoryTree(files);
    const read = readCompilerOptions(tree);
    assert.ok('options' in read);
    const extractor = createExtractor(tree, {}, read.options);
    const first = extractor.extract();
    assert.deepEqual(withoutLocs(typeShape(first.model, 'Line')), {
      kind: 'object',
      fields: [{ name: 'sku', shape: { kind: 'string' }, optional: false }],
    });

    extractor.update(memoryTree({ ...files, 'line.ts': 'export interface Line { sku: string; qty?: number }' }));
    const second = extractor.extract();
    const line = typeShape(second.model, 'Line');
    assert.deepEqual(line.kind === 'object' && line.fields.map((f) => [f.name, f.optional]), [['sku', false], ['qty', true]]);

    extractor.update(memoryTree({ ...files, 'other.ts': '/** @wire */\nexport type Ping = { at: number };', 'a.ts': 'export interface Order {}' }));
    const third = extractor.extract();
    assert.deepEqual(Object.keys(third.model.contracts), ['Ping']);
    assert.deepEqual(third.files, ['other.ts']);
  });

  it('measures cold vs incremental extraction on a generated ~300-file project (printed, not asserted)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      const next = (i + 1) % 300;
      const tagged = i % 3 === 0 ? '/** @wire */\n' : '';
      files[`src/m${i}.ts`] =
        `import type { M${next} } from './m${next}';\n${tagged}export interface M${i} { id: string; n${i}?: number; next?: M${next}; tags: string[] }\n` +
        `export function helper${i}(a: number): number { return a * ${i}; }\n`;
    }
    const tree = memoryTree(files);
    const read = readCompilerOptions(tree);
    assert.ok('options' in read);
    const extractor = createExtractor(tree, {}, read.options);
    let started = performance.now();
    const cold = extractor.extract();
    const coldMs = performance.now() - started;
    assert.equal(Object.keys(cold.model.contracts).length, 100);

    const m7Text = files['src/m7.ts'];
    assert.ok(m7Text !== undefined);
    extractor.update(memoryTree({ ...files, 'src/m7.ts': m7Text.replace('tags: string[]', 'tags: string[]; extra: boolean') }));
    started = performance.now();
    const warm = extractor.extract();
    const warmMs = performance.now() - started;
    const m7 = typeShape(warm.model, 'M7');
    assert.ok(m7.kind === 'object' && m7.fields.some((f) => f.name === 'extra'));
    console.log(`[contracts] 300 files, ${cold.files.length} loaded: cold ${coldMs.toFixed(0)} ms, after one edit ${warmMs.toFixed(0)} ms`);
  });
});

describe('positions the editor way', () => {
  it('counts lines as editors do: U+2028 and U+2029 in a comment do not start a line', () => {
    const text = '// a\u2028b\u2029c\r\n/** @wire */\r\nexport interface M {\r\n  // skew-ignore field-removed\r\n  id: string;\r\n}\r\n';
    const { model } = extractFiles({ 'a.ts': text });
    assert.deepEqual(model.contracts.M!.loc.range.start, { line: 2, character: 17 });
    const field = (typeShape(model, 'M') as { fields: { name: string; loc?: { range: { start: unknown } }; suppressions?: { loc: { range: { start: unknown } } }[] }[] }).fields[0]!;
    assert.deepEqual(field.loc!.range.start, { line: 4, character: 2 });
    assert.deepEqual(field.suppressions![0]!.loc.range.start, { line: 3, character: 2 });
  });
});
