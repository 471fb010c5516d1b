import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'union-variant-added',
    description: 'A union accepts a new variant that the baseline cannot read.',
    severity: 'error',
    fixes: [],
  },
  variant(pair, ctx) {
    if (pair.old || !pair.new) return;
    ctx.report({
      oldToNew: false,
      newToOld: !ctx.newReadableByOld(pair.new, pair.oldUnion),
      message: `\`${ctx.show(pair.new)}\` is a new possible value; the baseline only accepts \`${ctx.show(pair.oldUnion)}\`.`,
    });
  },
});
