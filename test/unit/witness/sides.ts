import type { Direction } from '../../../server/src/engine/finding';
import type { Finding } from '../../../server/src/rules';
import type { Shape, WireModel } from '../../../server/src/engine/shape';
import { validate } from '../../../server/src/witness/validate';
import type { Witness } from '../../../server/src/witness/witness-for';
import { requestShape, requestsOf } from '../../../server/src/engine/request-shape';
import { readerView, writerView } from '../../../server/src/engine/views';
import { showValue } from '../../../server/src/witness/show-value';

export interface Side {
  shape: Shape;
  model: WireModel;
}

const NEVER: Shape = { kind: 'never' };

/**
 * The whole value each side writes or reads for a finding, straight from the model: a message is its named type,
 * an RPC call its parameter list, an RPC result the method's result. Independent of how the witness was searched.
 */
export function sidesOf(finding: Finding, direction: Direction, oldModel: WireModel, newModel: WireModel): { writer: Side; reader: Side } {
  const root = finding.contract;
  const isResult = finding.flow === 'result';
  const oldWrites = isResult ? direction === 'new-to-old' : direction === 'old-to-new';
  // A schema writes its output and reads its input: each side is seen through its view (plain models are their own).
  const [writerModel, readerModel] = oldWrites ? [writerView(oldModel), readerView(newModel)] : [writerView(newModel), readerView(oldModel)];
  const shapeIn = (model: WireModel, side: 'old' | 'new'): Shape => {
    const contract = model.contracts[root];
    if (!contract) return NEVER;
    if (contract.kind === 'message') return { kind: 'ref', name: root };
    // A finding on a whole service (contract-removed) is shown with a call to its first method.
    const writerService = writerModel.contracts[root];
    const firstMethod = writerService?.kind === 'service' ? writerService.methods[0]?.name : undefined;
    const [first, second] = finding.steps;
    const methodName = first?.kind === 'method' ? first.name : firstMethod;
    const overloads = contract.methods.filter((m) => m.name === methodName);
    // `Svc.find(#2)`: each side numbers its own overloads; a side without that overload serves what any other accepts.
    const index = second?.kind === 'overload' ? second[side] : 0;
    const method = index === undefined ? undefined : overloads[index];
    if (!method) return !isResult && index === undefined && overloads.length ? requestsOf(overloads) : NEVER;
    return isResult ? method.result : requestShape(method);
  };
  const [writerSide, readerSide] = oldWrites ? (['old', 'new'] as const) : (['new', 'old'] as const);
  return {
    writer: { shape: shapeIn(writerModel, writerSide), model: writerModel },
    reader: { shape: shapeIn(readerModel, readerSide), model: readerModel },
  };
}

/**
 * The witness is honest: the writing side can produce it (nothing it does not declare), and the reading side
 * either rejects it or, for a misread, accepts it. Returns a failure description, or undefined when it holds.
 */
export function checkWitness(finding: Finding, witness: Witness, oldModel: WireModel, newModel: WireModel): string | undefined {
  if (!finding.breaks.includes(witness.direction)) return `direction ${witness.direction} is not one the finding breaks`;
  const { writer, reader } = sidesOf(finding, witness.direction, oldModel, newModel);
  const isResult = finding.flow === 'result';
  const expectedWriter = (isResult ? witness.direction === 'new-to-old' : witness.direction === 'old-to-new') ? 'baseline' : 'this version';
  if (witness.writer !== expectedWriter) return `writer is ${witness.writer}, expected ${expectedWriter}`;
  // A superjson or structured-clone contract carries a Date as a Date: the witness may hold one.
  const codec = newModel.contracts[finding.contract]?.codec ?? oldModel.contracts[finding.contract]?.codec;
  const shown = showValue(witness.value, false).text;
  const written = validate(witness.value, writer.shape, writer.model, { exact: true, codec });
  if (!written.ok) return `the writer cannot produce ${shown}: ${written.reason}`;
  const read = validate(witness.value, reader.shape, reader.model, { codec });
  if (witness.kind === 'rejected' && read.ok) return `the reader accepts ${shown}`;
  if (witness.kind === 'misread' && !read.ok) return `a misread value must be accepted by the reader: ${read.reason}`;
  return undefined;
}

/**
 * A witness of superjson's envelope is honest when the real superjson writes it (each argument, or the message,
 * is `superjson.serialize` of a value the writer declares) and the plain-JSON reader rejects it as it arrives.
 */
export async function checkEnvelopeWitness(finding: Finding, witness: Witness, oldModel: WireModel, newModel: WireModel): Promise<string | undefined> {
  if (!finding.breaks.includes(witness.direction)) return `direction ${witness.direction} is not one the finding breaks`;
  const { default: superjson } = await import('superjson');
  const { writer, reader } = sidesOf(finding, witness.direction, oldModel, newModel);
  const sent = witness.value;
  const parts = finding.contractKind === 'service' && Array.isArray(sent) ? sent : [sent];
  const decoded = parts.map((part) => superjson.deserialize(part as Parameters<typeof superjson.deserialize>[0]));
  const encodedAgain = decoded.map((value) => superjson.serialize(value));
  if (JSON.stringify(encodedAgain) !== JSON.stringify(parts)) return `superjson does not write ${JSON.stringify(sent)}`;
  const written = validate(finding.contractKind === 'service' ? decoded : decoded[0], writer.shape, writer.model, { exact: true });
  if (!written.ok) return `the writer cannot produce ${JSON.stringify(decoded)}: ${written.reason}`;
  if (validate(sent, reader.shape, reader.model).ok) return `the plain-JSON reader accepts ${JSON.stringify(sent)}`;
  return undefined;
}
