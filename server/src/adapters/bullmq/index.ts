import { ts } from '@ts-morph/common';
import type { AdapterContext, ContractAdapter } from '../../contracts/adapter-hook.js';
import { locOf } from '../../contracts/locations.js';
import type { Method, ServiceContract, Shape } from '../../engine/shape.js';
import { resultType } from '../stream-element.js';
import { findQueues, type QueueUses } from './queue-uses.js';
import { ADAPTER_PACKAGES } from '../names.js';

/** The method that stands for every job of a queue whose job names the code does not state. */
export const ANY_JOB = '*';

/**
 * BullMQ: each queue the code names is a service named by the queue (`images`), each job name a method
 * (`images.resize`): the producer writes the job's data, the worker reads it and writes the return value the
 * producer reads back (`job.returnvalue`, `waitUntilFinished`). Jobs wait in Redis across deploys (delayed,
 * repeatable, retried), so the contract is persisted.
 */
const bullmq: ContractAdapter & { name: 'bullmq' } = {
  name: 'bullmq',
  packages: ADAPTER_PACKAGES.bullmq,
  collect(context) {
    for (const uses of findQueues(context.files, context.checker).values()) addQueue(context, uses);
  },
};
export default bullmq;

function addQueue(context: AdapterContext, uses: QueueUses): void {
  const { builder, relative } = context;
  const anchor = ts.isNewExpression(uses.at) && uses.at.arguments?.[0] ? uses.at.arguments[0] : uses.at;
  const loc = locOf(anchor, relative);
  if (!loc) return;
  const declaration = enclosingDeclaration(uses.at);
  const methods = builder.serviceMethods(`bullmq:${uses.name}`, declaration, () => {
    builder.dependOn([...uses.produced.map((p) => p.at), ...(uses.worker ? [uses.worker.at] : [])]);
    const result = uses.worker?.result ?? uses.declared?.result;
    const resultShape: Shape = result ? resultOf(result, context) : { kind: 'any' };
    return jobNames(uses).map((name): Method => {
      const produced = uses.produced.find((p) => p.name === name && p.data);
      const data = uses.declared?.data ?? produced?.data ?? uses.produced.find((p) => p.name === undefined && p.data)?.data ?? uses.worker?.data;
      const method: Method = { name, params: [{ name: 'data', shape: data ? builder.shapeOf(data) : { kind: 'any' }, optional: false }], result: resultShape };
      const at = locOf(produced?.at ?? anchor, relative);
      if (at) method.loc = at;
      return method;
    });
  });
  const contract: ServiceContract = { kind: 'service', name: uses.name, loc, source: 'adapter', adapter: 'bullmq', persisted: true, roles: { caller: 'producer', callee: 'worker' }, methods };
  context.add(contract, anchor);
}

/** Job names from `Queue<…, Name>`, `add('name', …)` and flows; none stated means one method for every job. */
function jobNames(uses: QueueUses): string[] {
  const names = new Set(uses.declared?.names ?? []);
  for (const produced of uses.produced) if (produced.name !== undefined) names.add(produced.name);
  return names.size ? [...names] : [ANY_JOB];
}

function resultOf(type: ts.Type, { builder, checker }: AdapterContext): Shape {
  const result = resultType(type, checker);
  return result === 'void' ? { kind: 'void' } : builder.shapeOf(result);
}

/** A queue has no declaration of its own: the declaration around the `new Queue('…')` that first names it stands for one. */
function enclosingDeclaration(node: ts.Node): ts.Declaration {
  for (let at = node.parent; ; at = at.parent) {
    if (ts.isVariableDeclaration(at) || ts.isPropertyDeclaration(at) || ts.isFunctionLike(at) || ts.isClassLike(at)) return at;
    if (ts.isSourceFile(at)) return at;
  }
}
