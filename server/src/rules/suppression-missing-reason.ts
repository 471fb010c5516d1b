import { defineRule } from '../engine/rule';

/**
 * Raised by the engine itself when it applies suppressions (see compare-models.ts): a `skew-ignore` without a
 * reason does not silence anything, and says so. It has no pair hooks of its own.
 */
export default defineRule({
  meta: {
    id: 'suppression-missing-reason',
    description: 'A skew-ignore comment without a reason; it silences nothing.',
    severity: 'warning',
    fixes: ['complete-suppression-reason'],
    suppressible: false,
  },
});
