import { defineRule, type RuleContext } from '../engine/rule';
import { rejectsUnknownKeys } from '../engine/readable';
import { policyPlace } from '../engine/reader-policy';
import type { ObjectShape } from '../engine/shape';

export default defineRule({
  meta: {
    id: 'strict-reader-undeclared-field',
    description: 'One version writes a key the other reads with a strict object that does not declare it, so the whole value is rejected.',
    severity: 'error',
    fixes: ['make-reader-tolerant'],
  },
  field(pair, ctx) {
    const { old: o, new: n } = pair;
    // A key written under a name the other side's object does not have (added, removed or renamed).
    if (o && o.name !== n?.name && undeclared(pair.newParent, o.name, ctx)) {
      ctx.report({
        oldToNew: true,
        newToOld: false,
        message: `The baseline writes \`${o.name}\`, and ${where('this version', pair.newParent, ctx)} and does not declare it: every value that carries it is rejected.`,
      });
    }
    if (n && n.name !== o?.name && undeclared(pair.oldParent, n.name, ctx)) {
      ctx.report({
        oldToNew: false,
        newToOld: true,
        message: `This version writes \`${n.name}\`, and ${where('baseline', pair.oldParent, ctx)} and does not declare it: every value that carries it is rejected.`,
      });
    }
  },
  node(pair, ctx) {
    // A writer with an index signature (`.catchall()`, `objectWithRest`) may send any key.
    const { old: o, new: n } = pair;
    if (o.kind !== 'object' || n.kind !== 'object') return;
    if (o.index && !n.index && rejectsUnknownKeys(n, ctx)) {
      ctx.report({
        oldToNew: true,
        newToOld: false,
        message: `The baseline may write any key (\`[key: string]: ${ctx.show(o.index)}\`), and ${place('this version', n, ctx.steps, ctx)} and declares only its fields.`,
      });
    }
    if (n.index && !o.index && rejectsUnknownKeys(o, ctx)) {
      ctx.report({
        oldToNew: false,
        newToOld: true,
        message: `This version may write any key (\`[key: string]: ${ctx.show(n.index)}\`), and ${place('baseline', o, ctx.steps, ctx)} and declares only its fields.`,
      });
    }
  },
});

const undeclared = (reader: ObjectShape, key: string, ctx: RuleContext): boolean =>
  !reader.index && !reader.fields.some((f) => f.name === key) && rejectsUnknownKeys(reader, ctx);

/** The reading object of a field hook is the field's parent: one step up. */
const where = (reader: 'baseline' | 'this version', object: ObjectShape, ctx: RuleContext): string => place(reader, object, ctx.steps.slice(0, -1), ctx);

function place(reader: 'baseline' | 'this version', object: ObjectShape, steps: RuleContext['steps'], ctx: RuleContext): string {
  // A plain type is strict only through the `strictReaders` option.
  return object.policy ? policyPlace(reader, ctx.contract, steps, object, 'strict') : policyPlace(reader, ctx.contract, steps, object, 'strict (strictReaders)');
}
