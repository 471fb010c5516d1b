import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'field-removed',
    description: 'A field the baseline requires is no longer written.',
    severity: 'error',
    fixes: ['restore-field'],
  },
  field(pair, ctx) {
    if (!pair.old || pair.new) return;
    if (pair.old.optional) {
      // No longer declared, but an index signature now covers the key: this version may write there whatever
      // the index allows (`[k: string]: any`), and the baseline still reads the key as it declared it.
      const index = pair.newParent.index;
      if (index && !ctx.newReadableByOld(index, pair.old.shape)) {
        ctx.report({
          oldToNew: false,
          newToOld: true,
          message: `Optional field \`${pair.old.name}\` is no longer declared, so this version may write there anything \`[key: string]: ${ctx.show(index)}\` allows; the baseline reads it as \`${ctx.show(pair.old.shape)}\`.`,
        });
      }
      return;
    }
    ctx.report({
      oldToNew: false,
      newToOld: true,
      message: `Required field \`${pair.old.name}\` was removed; the baseline still requires it in values this version writes.`,
    });
  },
});
