import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'rpc-parameter-required-added',
    description: 'A required parameter was added; baseline clients do not pass it.',
    severity: 'error',
    fixes: ['make-optional'],
  },
  param(pair, ctx) {
    if (pair.old || !pair.new || pair.new.optional) return;
    ctx.report({
      oldToNew: true,
      newToOld: false,
      message: `Required parameter \`${pair.new.name}\` was added to \`${pair.method}\`; baseline clients call it without one.`,
    });
  },
});
