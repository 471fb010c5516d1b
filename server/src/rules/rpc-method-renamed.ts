import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'rpc-method-renamed',
    description: 'An RPC method was renamed: old clients call the old name, old servers lack the new one.',
    severity: 'error',
    fixes: ['restore-method'],
    expandContract: {
      expand: 'serve the method under both names (the old one delegating to the new) and keep calling the old name.',
      contract: 'switch callers to the new name, then remove the old one.',
    },
  },
  method(pair, ctx) {
    if (!pair.old || !pair.new || pair.old.name === pair.new.name) return;
    ctx.report({
      oldToNew: true,
      newToOld: true,
      message: `Method \`${pair.old.name}\` was renamed to \`${pair.new.name}\`; baseline clients call \`${pair.old.name}\` and baseline servers lack \`${pair.new.name}\`.`,
    });
  },
});
