import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSources, verdictLines } from './compare-sources';

const service = (n: string, kind: string) =>
  `interface Observable<T> { subscribe(next: (value: T) => void): { unsubscribe(): void } }\n` +
  `interface Tick { n: ${n} }\n/** @rpc */\nexport interface Feed { ticks(): ${kind}<Tick> }\n`;

const verdicts = (kind: string, before: string, after: string): string[] =>
  verdictLines(compareSources(service(before, kind), service(after, kind), {}).findings);

// Issue 10: a streamed result is a stream of results; what each element carries is compared as a result.
describe('stream results compare their elements', () => {
  for (const kind of ['AsyncIterable', 'AsyncGenerator', 'AsyncIterableIterator', 'ReadableStream', 'Observable', 'Promise']) {
    it(`${kind}<T>: a changed element type is found`, () => {
      assert.deepEqual(verdicts(kind, 'number', 'string'), ['type-changed Feed.ticks(result).n old-to-new,new-to-old']);
    });
    it(`${kind}<T>: unchanged is silent`, () => {
      assert.deepEqual(verdicts(kind, 'number', 'number'), []);
    });
  }
});
