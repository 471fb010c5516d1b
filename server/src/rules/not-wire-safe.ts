import { defineRule, type RuleContext } from '../engine/rule';
import type { Codec, UnsafeKind } from '../engine/shape';
import { carries, codecName, codecOf, findUnsafe } from '../engine/unsafe';

const BECOMES: Record<UnsafeKind, string> = {
  Date: 'an ISO string',
  Buffer: '`{ "type": "Buffer", "data": [...] }`',
  Map: '`{}`',
  Set: '`{}`',
  bigint: 'an error (JSON.stringify throws on bigint)',
  Uint8Array: '`{ "0": …, "1": … }` (its bytes as an object)',
  ArrayBuffer: '`{}`',
  function: 'nothing (functions are dropped)',
  symbol: 'nothing (symbols are dropped)',
  'class-method': 'nothing (methods are not data)',
};

/** What a codec other than JSON does with a kind it does not carry either. */
const BECOMES_UNDER: Partial<Record<Codec, Partial<Record<UnsafeKind, string>>>> = {
  superjson: { Buffer: 'a plain object', function: 'nothing', 'class-method': 'a plain object without its methods' },
  'structured-clone': { Buffer: 'a plain Uint8Array', symbol: 'an error (symbols cannot be cloned)', 'class-method': 'an error or a plain object without its methods' },
};

function report(what: UnsafeKind, ctx: RuleContext, subject: string, codec: Codec): void {
  const becomes = BECOMES_UNDER[codec]?.[what] ?? BECOMES[what];
  ctx.report({
    oldToNew: true,
    newToOld: true,
    message: `${subject} now carries a \`${what}\`, which ${codecName(codec)} turns into ${becomes}; no reader gets back the type it declares.`,
  });
}

/** Only new occurrences are reported: a comparison must find nothing when both sides are the same. */
export default defineRule({
  meta: {
    id: 'not-wire-safe',
    description:
      "A value that does not survive the contract's codec (JSON by default: Date, Buffer, Map, Set, bigint, function) now travels on the wire.",
    severity: 'warning',
    fixes: [],
    expandContract: {
      expand: 'add a JSON-safe field next to it (an ISO 8601 string for a Date, an array of entries for a Map or Set, a string for a bigint) and write both.',
      contract: 'read only the JSON-safe field, then remove the unsafe one.',
    },
    noWitness: (codec) =>
      codec === 'json'
        ? 'the value does not survive JSON (a Date arrives as a string, a Map or Set as {}, a bigint fails to serialise), so no JSON value shows what either side means'
        : `the value does not survive ${codecName(codec)} as itself (${codec === 'superjson' ? 'a Buffer arrives as a plain object, a function as nothing' : 'a Buffer arrives as a plain Uint8Array, a symbol cannot be cloned'}), so no value it carries shows what either side means`,
  },
  // The codec is the root contract's: a tRPC router with superjson carries a Date, a JSON-RPC method does not.
  value(pair, ctx) {
    const codec = codecOf(ctx.newModel, ctx.contract);
    if (pair.new.kind !== 'unsafe' || carries(codec, pair.new.what)) return;
    if (pair.old.kind === 'unsafe' && pair.old.what === pair.new.what) return;
    report(pair.new.what, ctx, 'This value', codec);
  },
  field(pair, ctx) {
    if (pair.old || !pair.new) return;
    const codec = codecOf(ctx.newModel, ctx.contract);
    const what = findUnsafe(pair.new.shape, ctx.newModel, undefined, codec);
    if (what) report(what, ctx, `New field \`${pair.new.name}\``, codec);
  },
  variants(pair, ctx) {
    const codec = codecOf(ctx.newModel, ctx.contract);
    const kinds = new Set(pair.added.map((v) => findUnsafe(v, ctx.newModel, undefined, codec)));
    for (const what of kinds) if (what) report(what, ctx, 'A new union variant', codec);
  },
});
