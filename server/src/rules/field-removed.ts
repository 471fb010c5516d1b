import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'field-removed',
    description: 'A field the baseline requires is no longer written.',
    severity: 'error',
    fixes: ['restore-field'],
  },
  field(pair, ctx) {
    if (!pair.old || pair.new || pair.old.optional) return;
    ctx.report({
      oldToNew: false,
      newToOld: true,
      message: `Required field \`${pair.old.name}\` was removed; the baseline still requires it in values this version writes.`,
    });
  },
});
