import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'field-made-required',
    description: 'An optional field became required; the baseline may leave it out.',
    severity: 'error',
    fixes: ['make-optional'],
  },
  field(pair, ctx) {
    if (!pair.old || !pair.new || pair.old.name !== pair.new.name) return;
    if (!pair.old.optional || pair.new.optional) return;
    ctx.report({
      oldToNew: true,
      newToOld: false,
      message: `Field \`${pair.new.name}\` became required; the baseline may write values without it.`,
    });
  },
});
