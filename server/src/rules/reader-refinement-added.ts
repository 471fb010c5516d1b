import { defineRule } from '../engine/rule';
import { showCheck, uncoveredChecks } from '../engine/refinements';
import type { Refinement, Shape } from '../engine/shape';

export default defineRule({
  meta: {
    id: 'reader-refinement-added',
    description: 'A schema reader checks values (.int(), .min(), .email(), .refine()…) that the baseline did not check, so some values old writers send may be rejected.',
    severity: 'warning',
    fixes: [],
  },
  node(pair, ctx) {
    const added = uncoveredChecks(checksOf(pair.old), checksOf(pair.new));
    if (added.length === 0) return;
    const shown = added.map(showCheck).join(', ');
    const before = checksOf(pair.old)?.map(showCheck).join(', ');
    ctx.report({
      oldToNew: true,
      newToOld: false,
      message: `This version's reader adds ${added.length === 1 ? 'the check' : 'the checks'} ${shown}${before ? ` (the baseline checked ${before})` : ''}: old writers may send values the new check rejects.`,
    });
  },
});

const checksOf = (shape: Shape): Refinement[] | undefined => ('checks' in shape ? shape.checks : undefined);
