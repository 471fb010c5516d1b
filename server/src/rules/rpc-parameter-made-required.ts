import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'rpc-parameter-made-required',
    description: 'An optional parameter became required; baseline clients may leave it out.',
    severity: 'error',
    fixes: ['make-optional'],
  },
  param(pair, ctx) {
    if (!pair.old || !pair.new || !pair.old.optional || pair.new.optional) return;
    ctx.report({
      oldToNew: true,
      newToOld: false,
      message: `Parameter \`${pair.new.name}\` of \`${pair.method}\` became required; baseline clients may call without it.`,
    });
  },
});
