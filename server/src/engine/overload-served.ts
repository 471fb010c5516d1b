import { resolve } from './readable';
import { requestShape, requestsOf } from './request-shape';
import type { RuleContext } from './rule';
import type { Method, Shape, TupleElement, WireModel } from './shape';

/** Past this many argument combinations a call is judged whole, which can only make it look less served. */
const MAX_CALLS = 64;

/**
 * What a caller of `method` sends, one tuple per way its union-typed arguments can go: `get(id: string | number)`
 * makes `get("x")` calls and `get(1)` calls, which two overloads may serve between them. Unlike a server's
 * request shape, no extra trailing arguments: a caller sends only what it declares.
 */
function callsOf(method: Method, model: WireModel): Shape[] {
  let calls: TupleElement[][] = [[]];
  for (const p of method.params) {
    const r = resolve(p.shape, model);
    const ways = r.kind === 'union' ? r.variants : [p.shape];
    if (calls.length * ways.length > MAX_CALLS) return [{ kind: 'tuple', elements: method.params.map((x) => ({ shape: x.shape, optional: x.optional })) }];
    calls = calls.flatMap((call) => ways.map((shape) => [...call, { shape, optional: p.optional }]));
  }
  return calls.map((elements) => ({ kind: 'tuple', elements }));
}

/**
 * Whether a server with `overloads` still serves every call a client of `called` makes: each of its calls is
 * accepted by some overload, and when one overload accepts them all, the client reads what that one returns.
 * `callerIsOld` says which version the client is.
 */
export function overloadServed(called: Method, overloads: readonly Method[], callerIsOld: boolean, ctx: RuleContext): boolean {
  const calls = callsOf(called, callerIsOld ? ctx.oldModel : ctx.newModel);
  const accepted = (call: Shape, reader: Shape) => (callerIsOld ? ctx.oldReadableByNew(call, reader) : ctx.newReadableByOld(call, reader));
  const all = requestsOf(overloads);
  if (!calls.every((call) => accepted(call, all))) return false;
  const whole = overloads.find((served) => calls.every((call) => accepted(call, requestShape(served))));
  if (!whole) return true;
  return callerIsOld ? ctx.newReadableByOld(whole.result, called.result) : ctx.oldReadableByNew(whole.result, called.result);
}
