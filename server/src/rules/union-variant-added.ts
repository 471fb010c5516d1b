import { defineRule } from '../engine/rule';
import { showList } from '../engine/show';

export default defineRule({
  meta: {
    id: 'union-variant-added',
    description: 'A union accepts new variants that the baseline cannot read.',
    severity: 'error',
    fixes: [],
  },
  variants(pair, ctx) {
    // A new variant the baseline's union already reads (a literal of a type it accepts) changes nothing.
    const unread = pair.added.filter((v) => !ctx.newReadableByOld(v, pair.oldUnion));
    if (unread.length === 0) return;
    const what = unread.length === 1 ? 'is a new possible value' : 'are new possible values';
    ctx.report({
      oldToNew: false,
      newToOld: true,
      message: `${showList(unread)} ${what}; the baseline only accepts \`${ctx.show(pair.oldUnion)}\`.`,
    });
  },
});
