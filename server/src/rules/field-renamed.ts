import { defineRule } from '../engine/rule';

export default defineRule({
  meta: { id: 'field-renamed', description: 'A field was renamed: on the wire, one name is gone and another appeared.', severity: 'error' },
  field(pair, ctx) {
    if (!pair.old || !pair.new || pair.old.name === pair.new.name) return;
    ctx.report({
      oldToNew: !pair.new.optional,
      newToOld: !pair.old.optional,
      message: `Field \`${pair.old.name}\` was renamed to \`${pair.new.name}\`; the baseline only knows \`${pair.old.name}\`.`,
    });
  },
});
