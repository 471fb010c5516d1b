import { defineRule } from '../engine/rule';
import { overloadServed } from '../engine/overload-served';
import { showSignature } from '../engine/show';

export default defineRule({
  meta: {
    id: 'rpc-method-added',
    description: 'A new RPC method, or a new overload of one: baseline servers do not serve its calls.',
    severity: 'error',
    fixes: [],
  },
  method(pair, ctx) {
    if (pair.old || !pair.new) return;
    if (pair.oldOverloads.length > 0) {
      // A new overload of a method the baseline has: it breaks only calls no baseline overload serves.
      if (overloadServed(pair.new, pair.oldOverloads, false, ctx)) return;
      ctx.report({
        oldToNew: false,
        newToOld: true,
        message: `Overload \`${showSignature(pair.new)}\` was added; a baseline server called this way by this version has no overload that accepts the call.`,
      });
      return;
    }
    ctx.report({
      oldToNew: false,
      newToOld: true,
      message: `Method \`${pair.new.name}\` was added; a baseline server called by this version does not have it.`,
    });
  },
});
