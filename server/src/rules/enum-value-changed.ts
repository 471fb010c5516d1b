import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'enum-value-changed',
    description: 'An enum member travels with a different value now.',
    severity: 'error',
    fixes: ['pin-enum-values'],
    expandContract: {
      expand: 'give each member back its baseline value (explicit initializers stop implicit renumbering) and add new meanings under new values; accept old and new values.',
      contract: 'stop writing values the baseline used for another meaning, then remove them.',
    },
  },
  enumMember(pair, ctx) {
    if (!pair.old || !pair.new || pair.old.value === pair.new.value) return;
    const cause = pair.new.implicit ? ' (implicit numbering shifted it)' : '';
    ctx.report({
      oldToNew: true,
      newToOld: true,
      message: `Enum member \`${pair.new.key}\` changed value from ${JSON.stringify(pair.old.value)} to ${JSON.stringify(pair.new.value)}${cause}; the two versions read each other's values as different members.`,
    });
  },
});
