import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'field-renamed',
    description: 'A field was renamed: on the wire, one name is gone and another appeared.',
    severity: 'error',
    fixes: ['keep-old-name'],
    expandContract: {
      expand: 'keep the old field and add the new name as an optional field; write both, read the new one and fall back to the old.',
      contract: 'make the new field required and remove the old one.',
    },
  },
  field(pair, ctx) {
    if (!pair.old || !pair.new || pair.old.name === pair.new.name) return;
    ctx.report({
      oldToNew: !pair.new.optional,
      newToOld: !pair.old.optional,
      message: `Field \`${pair.old.name}\` was renamed to \`${pair.new.name}\`; the baseline only knows \`${pair.old.name}\`.`,
    });
  },
});
