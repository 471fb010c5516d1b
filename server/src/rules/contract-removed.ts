import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'contract-removed',
    description: 'A message or service that exists in the baseline is gone.',
    severity: 'error',
    fixes: [],
  },
  contract(pair, ctx) {
    if (!pair.old || pair.new) return;
    const what = pair.old.kind === 'service' ? `Service \`${pair.old.name}\`` : `Message \`${pair.old.name}\``;
    const still = pair.old.kind === 'service' ? 'baseline clients still call it' : 'baseline nodes still send it';
    ctx.report({ oldToNew: true, newToOld: false, message: `${what} was removed, but ${still}.` });
  },
});
