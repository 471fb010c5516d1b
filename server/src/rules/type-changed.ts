import { defineRule } from '../engine/rule';
import type { Shape } from '../engine/shape';
import { showChange } from '../engine/show';
import { carries, codecOf } from '../engine/unsafe';

/** A value the codec cannot carry is not-wire-safe's to report; one it carries (a Date under superjson) is a type. */
const uncarried = (shape: Shape, codec: Parameters<typeof carries>[0]) => shape.kind === 'unsafe' && !carries(codec, shape.what);

export default defineRule({
  meta: {
    id: 'type-changed',
    description: 'A value changed type so one version cannot read what the other writes.',
    severity: 'error',
    fixes: ['widen-type'],
    expandContract: {
      expand: 'keep the field with its baseline type and add a new optional field with the new type; write both, read the new one when present.',
      contract: 'remove the old field (and make the new one required if it must be).',
    },
  },
  value(pair, ctx) {
    // Values the codec cannot carry are reported by not-wire-safe, whichever way they changed.
    const codec = codecOf(ctx.newModel, ctx.contract);
    if (uncarried(pair.old, codec) || uncarried(pair.new, codec)) return;
    const oldToNew = !ctx.oldReadableByNew(pair.old, pair.new);
    const newToOld = !ctx.newReadableByOld(pair.new, pair.old);
    const why = [
      oldToNew ? 'this version cannot read every value the baseline writes' : '',
      newToOld ? 'the baseline cannot read every value this version writes' : '',
    ].filter(Boolean);
    const [before, after] = showChange(pair.old, pair.new);
    ctx.report({
      oldToNew,
      newToOld,
      message: `Type changed from \`${before}\` to \`${after}\`: ${why.join(', and ')}.`,
    });
  },
});
