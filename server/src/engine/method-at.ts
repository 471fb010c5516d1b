import type { PathStep } from './path-steps';
import type { Method, ServiceContract } from './shape';

/** Which version a model is: an overload step numbers each version's overloads separately. */
export type Side = 'old' | 'new';

export interface MethodAt {
  /** The call signature the path names on this side; undefined when this side lacks it. */
  method?: Method;
  /** Every signature this side has under the path's method name. */
  overloads: Method[];
  /** The steps below the method (and its overload step). */
  rest: PathStep[];
}

/**
 * The method a service finding's path names on one side: `Svc.find` is its only (or first) signature,
 * `Svc.find(#2)` the overload at that side's position. A path naming only the service uses its first method.
 */
export function methodAt(service: ServiceContract, steps: readonly PathStep[], side: Side): MethodAt {
  const [first, second, ...more] = steps;
  const name = first?.kind === 'method' ? first.name : first === undefined ? service.methods[0]?.name : undefined;
  const overloads = service.methods.filter((m) => m.name === name);
  if (first?.kind !== 'method') return { method: first === undefined ? overloads[0] : undefined, overloads, rest: [] };
  if (second?.kind !== 'overload') return { method: overloads[0], overloads, rest: steps.slice(1) };
  const index = second[side];
  return { method: index === undefined ? undefined : overloads[index], overloads, rest: more };
}
