import { defineRule } from '../engine/rule';
import { policyPlace } from '../engine/reader-policy';

export default defineRule({
  meta: {
    id: 'strip-reader-drops-field',
    description: 'A field this version adds is dropped by a baseline reader that strips unknown keys and writes back what it read.',
    severity: 'warning',
    fixes: [],
    noWitness: 'the baseline reads the value without complaint; the field is lost only when it writes the value back, which no single value shows',
  },
  field(pair, ctx) {
    const { old: o, new: n } = pair;
    if (!n || n.name === o?.name) return;
    const reader = pair.oldParent;
    if (reader.policy !== 'strip' || reader.index || reader.fields.some((f) => f.name === n.name)) return;
    if (ctx.oldModel.contracts[ctx.contract]?.schema?.roundtrip !== true) return;
    ctx.report({
      oldToNew: false,
      newToOld: true,
      message: `This version writes \`${n.name}\`; ${policyPlace('baseline', ctx.contract, ctx.steps.slice(0, -1), reader, 'strip')}, so it drops the field, and it writes back what it read (\`@roundtrip\`): the value loses \`${n.name}\`.`,
    });
  },
});
