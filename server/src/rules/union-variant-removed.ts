import { defineRule } from '../engine/rule';
import { showList } from '../engine/show';

export default defineRule({
  meta: {
    id: 'union-variant-removed',
    description: 'Union variants were removed, but the baseline still writes them.',
    severity: 'error',
    fixes: ['restore-variant'],
  },
  variants(pair, ctx) {
    // A removed variant the new union still reads in another form (`'a'` from `'a' | string`) changes nothing.
    const unread = pair.removed.filter((v) => !ctx.oldReadableByNew(v, pair.newUnion));
    if (unread.length === 0) return;
    const what = unread.length === 1 ? 'is no longer accepted' : 'are no longer accepted';
    ctx.report({
      oldToNew: true,
      newToOld: false,
      message: `${showList(unread)} ${what} (now \`${ctx.show(pair.newUnion)}\`), but the baseline may still write ${unread.length === 1 ? 'it' : 'them'}.`,
    });
  },
});
