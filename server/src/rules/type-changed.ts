import { defineRule } from '../engine/rule';

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
    // Values JSON cannot carry are reported by not-wire-safe, whichever way they changed.
    if (pair.old.kind === 'unsafe' || pair.new.kind === 'unsafe') return;
    const oldToNew = !ctx.oldReadableByNew(pair.old, pair.new);
    const newToOld = !ctx.newReadableByOld(pair.new, pair.old);
    const why = [
      oldToNew ? 'this version cannot read every value the baseline writes' : '',
      newToOld ? 'the baseline cannot read every value this version writes' : '',
    ].filter(Boolean);
    ctx.report({
      oldToNew,
      newToOld,
      message: `Type changed from \`${ctx.show(pair.old)}\` to \`${ctx.show(pair.new)}\`: ${why.join(', and ')}.`,
    });
  },
});
