import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'enum-member-added',
    description: 'An enum gained a value the baseline does not know.',
    severity: 'error',
    fixes: [],
  },
  enumMember(pair, ctx) {
    if (pair.old || !pair.new) return;
    const value = pair.new.value;
    // A value the baseline already had under another key is an enum-value-changed matter, not a new value.
    if (pair.oldEnum.some((m) => m.value === value)) return;
    ctx.report({
      oldToNew: false,
      newToOld: true,
      message: `Enum member \`${pair.new.key}\` (${JSON.stringify(value)}) was added; the baseline cannot read that value.`,
    });
  },
});
