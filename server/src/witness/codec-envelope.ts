import type { Direction, Finding } from '../engine/finding';
import { requestShape } from '../engine/request-shape';
import type { Codec, Method, Shape, WireModel } from '../engine/shape';
import { readerView, writerView } from '../engine/views';
import { validate } from './validate';
import { ABSENT, smallest } from './values';
import type { VersionName, WitnessResult } from './witness-result';


/**
 * A witness for a contract whose codec changed between plain JSON and superjson: the smallest value the
 * superjson side sends, as superjson puts it on the wire (`superjson.serialize(v)` is `{ "json": v }` for a value
 * JSON carries as it is), which the plain-JSON side reads as the value itself and rejects.
 */
export function codecEnvelopeWitness(finding: Finding, oldModel: WireModel, newModel: WireModel): WitnessResult {
  const oldCodec: Codec = oldModel.contracts[finding.contract]?.codec ?? 'json';
  const newCodec: Codec = newModel.contracts[finding.contract]?.codec ?? 'json';
  const oldWraps = oldCodec === 'superjson' && newCodec === 'json';
  if (!oldWraps && !(newCodec === 'superjson' && oldCodec === 'json')) {
    return { none: `the codec changed from ${oldCodec} to ${newCodec}, and only a change between JSON and superjson has a witness` };
  }
  const writer = writerView(oldWraps ? oldModel : newModel);
  const reader = readerView(oldWraps ? newModel : oldModel);
  const writerName: VersionName = oldWraps ? 'baseline' : 'this version';
  const readerName: VersionName = oldWraps ? 'this version' : 'baseline';
  const sent = sentValue(finding.contract, writer, reader);
  if ('none' in sent) return sent;
  // Requests and messages are written by the sender (the baseline's in old-to-new), results by the server.
  const direction: Direction = oldWraps === !sent.result ? 'old-to-new' : 'new-to-old';
  if (!finding.breaks.includes(direction)) return { none: `the finding does not break ${direction}, the direction superjson's envelope shows` };
  const read = validate(sent.wrapped, sent.readerShape, reader);
  if (read.ok) return { none: `${readerName} happens to accept superjson's envelope ${JSON.stringify(sent.wrapped)} as a plain value` };
  return {
    kind: 'rejected',
    value: sent.wrapped,
    writer: writerName,
    direction,
    explanation: `${cap(writerName)} ${sent.what} through superjson, which wraps it as { "json": … }; ${readerName} reads plain JSON and cannot read it: ${read.reason}.`,
  };
}

/**
 * What the superjson side writes: a message, else a call of the first method with an input (each argument
 * wrapped, as tRPC wraps its input), else the first method's result.
 */
function sentValue(name: string, writer: WireModel, reader: WireModel): { wrapped: unknown; readerShape: Shape; what: string; result?: true } | { none: string } {
  const w = writer.contracts[name];
  const r = reader.contracts[name];
  if (!w || !r) return { none: `${name} is missing on one side` };
  if (w.kind === 'message' || r.kind === 'message') {
    const shape: Shape = { kind: 'ref', name };
    const value = smallest(shape, writer);
    return value === ABSENT ? { none: `no value of ${name} to send` } : { wrapped: { json: value }, readerShape: shape, what: `sends a ${name}` };
  }
  const served = (method: Method | undefined) => method && r.methods.find((m) => m.name === method.name);
  const call = w.methods.find((m) => m.params.length > 0 && served(m));
  const callee = call && served(call);
  if (call && callee) {
    const args: unknown[] = [];
    for (const param of call.params) {
      const value = smallest(param.shape, writer);
      if (value === ABSENT) return { none: `no value for ${name}.${call.name}(${param.name})` };
      args.push({ json: value });
    }
    return { wrapped: args, readerShape: requestShape(callee), what: `calls ${name}.${call.name}` };
  }
  const first = w.methods.find((m) => served(m));
  const client = served(first);
  if (!first || !client) return { none: `${name} has no method both versions have` };
  const value = first.result.kind === 'void' ? null : smallest(first.result, writer);
  if (value === ABSENT) return { none: `no result of ${name}.${first.name} to return` };
  return { wrapped: { json: value }, readerShape: client.result, what: `returns a result of ${name}.${first.name}`, result: true };
}

const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
