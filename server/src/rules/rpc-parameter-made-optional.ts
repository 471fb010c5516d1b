import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'rpc-parameter-made-optional',
    description: 'A required parameter became optional; baseline servers still require it.',
    severity: 'error',
    fixes: ['keep-required'],
  },
  param(pair, ctx) {
    if (!pair.old || !pair.new || pair.old.optional || !pair.new.optional) return;
    ctx.report({
      oldToNew: false,
      newToOld: true,
      message: `Parameter \`${pair.new.name}\` of \`${pair.method}\` became optional; baseline servers still require it.`,
    });
  },
});
