import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'field-made-optional',
    description: 'A required field became optional; the baseline still requires it.',
    severity: 'error',
    fixes: ['keep-required'],
  },
  field(pair, ctx) {
    if (!pair.old || !pair.new || pair.old.name !== pair.new.name) return;
    if (pair.old.optional || !pair.new.optional) return;
    ctx.report({
      oldToNew: false,
      newToOld: true,
      message: `Field \`${pair.new.name}\` became optional; the baseline requires it in values this version writes.`,
    });
  },
});
