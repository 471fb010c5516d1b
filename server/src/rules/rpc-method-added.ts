import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'rpc-method-added',
    description: 'A new RPC method: baseline servers do not implement it.',
    severity: 'error',
    fixes: [],
  },
  method(pair, ctx) {
    if (pair.old || !pair.new) return;
    ctx.report({
      oldToNew: false,
      newToOld: true,
      message: `Method \`${pair.new.name}\` was added; a baseline server called by this version does not have it.`,
    });
  },
});
