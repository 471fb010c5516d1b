import { defineRule } from '../engine/rule';
import { overloadServed } from '../engine/overload-served';
import { showSignature } from '../engine/show';

export default defineRule({
  meta: {
    id: 'rpc-method-removed',
    description: 'An RPC method, or an overload of one, was removed, but baseline clients still call it.',
    severity: 'error',
    fixes: ['restore-method'],
  },
  method(pair, ctx) {
    if (!pair.old || pair.new) return;
    if (pair.newOverloads.length > 0) {
      // An overload removed while others remain: it breaks only if none of them serves its calls.
      if (overloadServed(pair.old, pair.newOverloads, true, ctx)) return;
      ctx.report({
        oldToNew: true,
        newToOld: false,
        message: `Overload \`${showSignature(pair.old)}\` was removed; baseline clients may still call it, and no remaining overload of \`${pair.old.name}\` accepts the call.`,
      });
      return;
    }
    ctx.report({
      oldToNew: true,
      newToOld: false,
      message: `Method \`${pair.old.name}\` was removed; baseline clients still call it.`,
    });
  },
});
