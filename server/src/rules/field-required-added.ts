import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'field-required-added',
    description: 'A required field was added; the baseline never writes it.',
    severity: 'error',
    fixes: ['make-optional'],
  },
  field(pair, ctx) {
    if (pair.old || !pair.new || pair.new.optional) return;
    ctx.report({
      oldToNew: true,
      newToOld: false,
      message: `Required field \`${pair.new.name}\` was added; values written by the baseline do not have it.`,
    });
  },
});
