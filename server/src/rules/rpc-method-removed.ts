import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'rpc-method-removed',
    description: 'An RPC method was removed, but baseline clients still call it.',
    severity: 'error',
    fixes: ['restore-method'],
  },
  method(pair, ctx) {
    if (!pair.old || pair.new) return;
    ctx.report({
      oldToNew: true,
      newToOld: false,
      message: `Method \`${pair.old.name}\` was removed; baseline clients still call it.`,
    });
  },
});
