import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'union-variant-removed',
    description: 'A union variant was removed, but the baseline still writes it.',
    severity: 'error',
    fixes: ['restore-variant'],
  },
  variant(pair, ctx) {
    if (!pair.old || pair.new) return;
    ctx.report({
      oldToNew: !ctx.oldReadableByNew(pair.old, pair.newUnion),
      newToOld: false,
      message: `\`${ctx.show(pair.old)}\` is no longer accepted (now \`${ctx.show(pair.newUnion)}\`), but the baseline may still write it.`,
    });
  },
});
