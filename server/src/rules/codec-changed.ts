import { defineRule } from '../engine/rule';
import type { Codec } from '../engine/shape';

const CODEC_NAMES: Record<Codec, string> = { json: 'plain JSON', superjson: 'superjson', 'structured-clone': 'structured clone' };

export default defineRule({
  meta: {
    id: 'codec-changed',
    description: "The codec every value of a contract travels in changed (a tRPC transformer added or removed): neither version can read the other's payloads.",
    severity: 'error',
    fixes: [],
    expandContract: {
      expand: 'serve the contract under both codecs (a second endpoint or router with the other transformer) and keep clients on the baseline codec.',
      contract: 'switch clients to the new codec, then remove the endpoint that serves the old one.',
    },
    witness: 'codec-envelope',
  },
  contract(pair, ctx) {
    if (!pair.old || !pair.new) return;
    const before = pair.old.codec ?? 'json';
    const after = pair.new.codec ?? 'json';
    if (before === after) return;
    const what = pair.new.kind === 'service' ? 'request and result' : 'value';
    ctx.report({
      oldToNew: true,
      newToOld: true,
      message: `\`${pair.new.name}\` now travels as ${CODEC_NAMES[after]} instead of ${CODEC_NAMES[before]}: every ${what} is encoded differently, so neither version reads what the other writes.`,
    });
  },
});
