import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'enum-member-removed',
    description: 'An enum value was removed, but the baseline may still write it.',
    severity: 'error',
    fixes: ['restore-enum-member'],
  },
  enumMember(pair, ctx) {
    if (!pair.old || pair.new) return;
    const value = pair.old.value;
    if (pair.newEnum.some((m) => m.value === value)) return;
    ctx.report({
      oldToNew: true,
      newToOld: false,
      message: `Enum member \`${pair.old.key}\` (${JSON.stringify(value)}) was removed; the baseline may still write that value.`,
    });
  },
});
