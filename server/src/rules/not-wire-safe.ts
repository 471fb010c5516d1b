import { defineRule, type RuleContext } from '../engine/rule';
import type { UnsafeKind } from '../engine/shape';
import { findUnsafe } from '../engine/unsafe';

const BECOMES: Record<UnsafeKind, string> = {
  Date: 'an ISO string',
  Buffer: '`{ "type": "Buffer", "data": [...] }`',
  Map: '`{}`',
  Set: '`{}`',
  bigint: 'an error (JSON.stringify throws on bigint)',
  function: 'nothing (functions are dropped)',
  symbol: 'nothing (symbols are dropped)',
  'class-method': 'nothing (methods are not data)',
};

function report(what: UnsafeKind, ctx: RuleContext, subject: string): void {
  ctx.report({
    oldToNew: true,
    newToOld: true,
    message: `${subject} now carries a \`${what}\`, which JSON turns into ${BECOMES[what]}; no reader gets back the type it declares.`,
  });
}

/** Only new occurrences are reported: a comparison must find nothing when both sides are the same. */
export default defineRule({
  meta: {
    id: 'not-wire-safe',
    description: 'A value that does not survive JSON (Date, Buffer, Map, Set, bigint, function) now travels on the wire.',
    severity: 'warning',
    fixes: [],
    expandContract: {
      expand: 'add a JSON-safe field next to it (an ISO 8601 string for a Date, an array of entries for a Map or Set, a string for a bigint) and write both.',
      contract: 'read only the JSON-safe field, then remove the unsafe one.',
    },
    noWitness:
      'the value does not survive JSON (a Date arrives as a string, a Map or Set as {}, a bigint fails to serialise), so no JSON value shows what either side means',
  },
  value(pair, ctx) {
    if (pair.new.kind !== 'unsafe') return;
    if (pair.old.kind === 'unsafe' && pair.old.what === pair.new.what) return;
    report(pair.new.what, ctx, 'This value');
  },
  field(pair, ctx) {
    if (pair.old || !pair.new) return;
    const what = findUnsafe(pair.new.shape, ctx.newModel);
    if (what) report(what, ctx, `New field \`${pair.new.name}\``);
  },
  variants(pair, ctx) {
    const kinds = new Set(pair.added.map((v) => findUnsafe(v, ctx.newModel)));
    for (const what of kinds) if (what) report(what, ctx, 'A new union variant');
  },
});
