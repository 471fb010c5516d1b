import { Canon } from '../engine/canonical';
import { ContainerIndex } from '../engine/reach';
import { defineRule } from '../engine/rule';
import type { Contract, WireModel } from '../engine/shape';

/** Contracts new in this version whose wire shape is exactly `old`'s: what a rename leaves behind. */
function sameShapeNewcomers(old: Contract, oldModel: WireModel, newModel: WireModel): string[] {
  const canon = new Canon();
  const key = canon.ofContract(old, oldModel);
  return Object.values(newModel.contracts)
    .filter((c) => c.kind === old.kind && !oldModel.contracts[c.name] && canon.ofContract(c, newModel) === key)
    .map((c) => c.name)
    .sort();
}

export default defineRule({
  meta: {
    id: 'contract-removed',
    description: 'A message or service that exists in the baseline is gone.',
    severity: 'error',
    fixes: [],
  },
  contract(pair, ctx) {
    if (!pair.old || pair.new) return;
    const old = pair.old;
    // A type that is a message only because a skew.json glob takes every export, and that other contracts
    // contain, never puts its own name on the wire: its values travel inside those contracts, whose comparison
    // reports whatever changed in them. A message declared with @wire is taken at its word.
    if (old.source === 'config' && ContainerIndex.of(ctx.oldModel).containersOf(old.name).length > 0) return;
    const what = old.kind === 'service' ? `Service \`${old.name}\`` : `Message \`${old.name}\``;
    const still = old.kind === 'service' ? 'baseline clients still call it' : 'baseline nodes still send it';
    const twins = sameShapeNewcomers(old, ctx.oldModel, ctx.newModel);
    const renamed = twins.length
      ? ` It looks renamed to ${twins.map((t) => `\`${t}\``).join(' or ')} (same shape): that breaks only where the name itself travels (a topic, an event or method name).`
      : '';
    ctx.report({ oldToNew: true, newToOld: false, message: `${what} was removed, but ${still}.${renamed}` });
  },
});
