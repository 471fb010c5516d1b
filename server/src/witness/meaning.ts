import { resolve } from '../engine/readable';
import type { EnumMember, Shape, WireModel } from '../engine/shape';
import { childShape, type PathStep } from '../engine/path-steps';
import { methodAt, type Side } from '../engine/method-at';

/** A value both versions accept at an enum member's path, naming a different member on each side. */
export interface Misreading {
  value: string | number;
  baselineKey: string;
  newKey: string;
}

/**
 * For a path ending at an enum member: the value whose meaning differs between the versions. Both sides accept
 * such a value, so it is a witness of meaning rather than of rejection.
 */
export function enumMisreading(root: string, steps: PathStep[], oldModel: WireModel, newModel: WireModel): Misreading | undefined {
  const last = steps[steps.length - 1];
  if (last?.kind !== 'enum-member') return undefined;
  const oldEnum = enumAt(root, steps.slice(0, -1), oldModel, 'old');
  const newEnum = enumAt(root, steps.slice(0, -1), newModel, 'new');
  if (!oldEnum || !newEnum) return undefined;
  const pick = (members: EnumMember[]) => members.find((m) => m.key === last.key);
  for (const [side, members] of [
    ['old', oldEnum],
    ['new', newEnum],
  ] as const) {
    const m = pick(members);
    if (!m) continue;
    const other = (side === 'old' ? newEnum : oldEnum).find((x) => x.value === m.value);
    if (!other || other.key === m.key) continue;
    const [baselineKey, newKey] = side === 'old' ? [m.key, other.key] : [other.key, m.key];
    return { value: m.value, baselineKey, newKey };
  }
  return undefined;
}

/** The misreading in words: "the value 1 means High to the baseline and Medium to this version". */
export const describeMisreading = (m: Misreading): string =>
  `the value ${JSON.stringify(m.value)} means ${m.baselineKey} to the baseline and ${m.newKey} to this version`;

/** The enum members at a path in one model, following the first variant that fits where unions branch. */
function enumAt(root: string, steps: PathStep[], model: WireModel, side: Side): EnumMember[] | undefined {
  const contract = model.contracts[root];
  if (!contract) return undefined;
  let shape: Shape | undefined;
  let rest = steps;
  if (contract.kind === 'service') {
    const { method, rest: [flowStep, ...more] } = methodAt(contract, steps, side);
    if (!method || steps[0]?.kind !== 'method') return undefined;
    if (flowStep?.kind === 'result') shape = method.result;
    else if (flowStep?.kind === 'param') shape = method.params[flowStep.index]?.shape;
    rest = more;
  } else {
    shape = model.types[root]?.shape;
  }
  for (const step of rest) {
    if (!shape) return undefined;
    shape = stepInto(resolve(shape, model), step, model);
  }
  const found = shape ? resolve(shape, model) : undefined;
  return found?.kind === 'enum' ? found.members : undefined;
}

function stepInto(shape: Shape, step: PathStep, model: WireModel): Shape | undefined {
  if (shape.kind === 'union') {
    for (const v of shape.variants) {
      const inner = stepInto(resolve(v, model), step, model);
      if (inner) return inner;
    }
    return undefined;
  }
  if (step.kind === 'variant') return shape.kind === 'object' && shape.fields.some((f) => f.name === step.tag) ? shape : undefined;
  return childShape(shape, step);
}
