import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'rpc-parameter-removed',
    description: 'A parameter baseline servers require is no longer passed.',
    severity: 'error',
    fixes: [],
  },
  param(pair, ctx) {
    if (!pair.old || pair.new || pair.old.optional) return;
    ctx.report({
      oldToNew: false,
      newToOld: true,
      message: `Required parameter \`${pair.old.name}\` was removed from \`${pair.method}\`; baseline servers still require it.`,
    });
  },
});
