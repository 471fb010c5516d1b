import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFiles, typeShape, withoutLocs } from './extract-helper.js';

const DIGITS = "type D = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';\n";
/** Ten to the sixth members: past TypeScript's 100,000, so it reports TS2590 and gives its error type. */
const MILLION = `${DIGITS}export type Code = \`\${D}\${D}\${D}\${D}\${D}\${D}\`;\n`;
/** Recursion that is not in tail position and never ends: TypeScript stops 100 instantiations deep with TS2589. */
const DEEP = 'type Wrap<T> = T extends string | unknown[] ? Wrap<[T]> | number : never;\n';

const uncheckable = (problems: { message: string; uncheckable?: true }[]) => problems.filter((p) => p.uncheckable).map((p) => p.message);

describe('types past TypeScript\'s own limits', () => {
  it('a template literal with a million members: the contract could not be checked (TS2590), not read as any', () => {
    const result = extractFiles({ 'a.ts': `${MILLION}/** @wire */\nexport interface Order { id: Code; n: number }\n` });
    const messages = uncheckable(result.problems);
    assert.equal(messages.length, 1, JSON.stringify(result.problems));
    assert.match(messages[0]!, /^Contract 'Order' could not be checked: type 'Order' uses a type TypeScript gave up on \(TS2590: Expression produces a union type that is too complex to represent\)\.$/);
  });

  it('reached through another named type and a service method: each contract that reaches it is reported', () => {
    const result = extractFiles({
      'a.ts': `${MILLION}export interface Line { code: Code }\n/** @wire */\nexport interface Order { lines: Line[] }\n/** @rpc */\nexport interface Api { get(code: Code): void }\n`,
    });
    const messages = uncheckable(result.problems);
    assert.ok(messages.some((m) => m.startsWith("Contract 'Order' could not be checked: type 'Line' uses")), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith("Contract 'Api' could not be checked: a method signature uses")), messages.join('\n'));
  });

  it('an instantiation without end: the contract could not be checked (TS2589)', () => {
    const result = extractFiles({ 'a.ts': `${DEEP}/** @wire */\nexport interface Root { w: Wrap<string> }\n` });
    assert.match(uncheckable(result.problems).join('\n'), /Contract 'Root' could not be checked: .*TS2589: Type instantiation is excessively deep and possibly infinite/);
  });

  it('a template literal under the limit is a string of its template and checks normally', () => {
    const result = extractFiles({ 'a.ts': `${DIGITS}/** @wire */\nexport interface Order { id: \`ord_\${string}\`; pin: \`\${D}-\${string}\` }\n` });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(withoutLocs(typeShape(result.model, 'Order')), {
      kind: 'object',
      fields: [
        { name: 'id', shape: { kind: 'string', template: 'ord_${string}' }, optional: false },
        {
          name: 'pin',
          // TypeScript spells `${D}-${string}` out as one template per digit.
          shape: { kind: 'union', variants: [...'0123456789'].map((d) => ({ kind: 'string', template: `${d}-\${string}` })) },
          optional: false,
        },
      ],
    });
  });

  it('an unresolved import stays any with its warning, even where TypeScript turns it into its bare error type', () => {
    // `Gone | string` and `typeof gone` are the error type without a name, as a limit's is; no limit was reported.
    const result = extractFiles({
      'a.ts': "import { Gone, gone } from 'no-such-package';\n/** @wire */\nexport interface M { a: Gone | string; b: typeof gone; c?: Gone }\n",
    });
    assert.deepEqual(result.problems.map((p) => p.message), ["Cannot resolve import 'no-such-package' in memory; types from it are read as any."]);
    assert.deepEqual(withoutLocs(typeShape(result.model, 'M')), {
      kind: 'object',
      fields: [
        { name: 'a', shape: { kind: 'any' }, optional: false },
        { name: 'b', shape: { kind: 'any' }, optional: false },
        { name: 'c', shape: { kind: 'any' }, optional: true },
      ],
    });
  });
});
