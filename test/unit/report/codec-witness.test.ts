import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Shape, WireModel } from '../../../server/src/engine/shape';
import { buildReport } from '../../../server/src/report/report-model';
import { formatMarkdown } from '../../../server/src/report/markdown';
import { formatSarif } from '../../../server/src/report/sarif';
import { showValue } from '../../../server/src/witness/show-value';
import { assertValidSarif } from './sarif-schema';
import { checkOfModels } from './sample';

const loc = { file: 'src/order.ts', range: { start: { line: 2, character: 2 }, end: { line: 2, character: 4 } } };

/** A superjson contract (a tRPC router with the transformer) whose `at` changes from a Date to a string. */
function model(at: Shape): WireModel {
  const fields = [
    { name: 'id', shape: { kind: 'string' } as Shape, optional: false },
    { name: 'at', shape: at, optional: false, loc },
  ];
  return {
    contracts: { Order: { kind: 'message', name: 'Order', loc, source: 'adapter', adapter: 'trpc', codec: 'superjson' } },
    types: { Order: { name: 'Order', shape: { kind: 'object', fields } } },
  };
}

function report() {
  return buildReport({
    ...checkOfModels(model({ kind: 'unsafe', what: 'Date' }), model({ kind: 'string' })),
    workingTree: { head: 'abcdef0123456789abcdef0123456789abcdef01', branch: 'main', uncommitted: 1, repoPrefix: '' },
  });
}

const DATE = 'new Date("2024-01-01T00:00:00.000Z")';

describe('a witness only the codec carries, in the reports', () => {
  const model = report();
  const finding = model.contracts[0]!.findings[0]!;

  it('is printed as the JavaScript that builds it, and marked so', () => {
    assert.equal(finding.rule, 'type-changed');
    assert.ok(!('none' in finding.witness), 'none' in finding.witness ? finding.witness.none : '');
    assert.equal(finding.witness.notation, 'js');
    assert.equal(finding.witness.json, `{\n  id: "x",\n  at: ${DATE}\n}`);
    assert.match(finding.witness.explanation, /cannot read it: at \$\.at: expected string, got a Date\./);
  });

  it('goes into Markdown as a js block and into SARIF on one line', () => {
    const markdown = formatMarkdown(model);
    assert.ok(markdown.includes(['  ```js', '  {', '    id: "x",', `    at: ${DATE}`, '  }', '  ```'].join('\n')), markdown);
    const result = assertValidSarif(formatSarif(model)).runs[0]!.results![0]!;
    assert.ok(result.message.text!.includes(`Witness: { id: "x", at: ${DATE} } (`), result.message.text);
  });
});

describe('showValue', () => {
  it('prints a JSON value exactly as JSON.stringify does', () => {
    for (const v of [{ id: 'x', n: [1, { a: null }], e: {}, l: [] }, 'x', 0, null, [true]]) {
      assert.deepEqual(showValue(v), { text: JSON.stringify(v, null, 2), notation: 'json' });
      assert.equal(showValue(v, false).text, JSON.stringify(v));
    }
  });

  it('prints what superjson and structured clone carry as readable JavaScript', () => {
    const value = {
      at: new Date('2024-01-01T00:00:00.000Z'),
      m: new Map([['a', 1]]),
      s: new Set(['x']),
      n: 1n,
      bytes: new Uint8Array([1, 2]),
      empty: new ArrayBuffer(2),
      gone: undefined,
      'odd key': [new Set()],
    };
    assert.equal(
      showValue(value, false).text,
      '{ at: new Date("2024-01-01T00:00:00.000Z"), m: new Map([["a", 1]]), s: new Set(["x"]), n: 1n, bytes: new Uint8Array([1, 2]), empty: new ArrayBuffer(2), gone: undefined, "odd key": [new Set()] }',
    );
    assert.equal(showValue([1n, 2n]).text, '[\n  1n,\n  2n\n]');
    assert.equal(showValue(new Uint8Array([0, 7]).buffer, false).text, 'new Uint8Array([0, 7]).buffer');
  });
});
