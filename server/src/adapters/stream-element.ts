import { ts } from '@ts-morph/common';

/** Results that arrive as a stream of values: each value is a result of the call, so the element is compared. */
const STREAMS = new Set(['AsyncIterable', 'AsyncIterableIterator', 'AsyncIterator', 'AsyncGenerator', 'ReadableStream', 'Observable', 'Subscribable']);

export function streamElement(type: ts.Type, checker: ts.TypeChecker): ts.Type | undefined {
  const name = (type.aliasSymbol ?? type.getSymbol())?.getName();
  if (!name || !STREAMS.has(name)) return undefined;
  const args = type.aliasSymbol ? type.aliasTypeArguments : type.flags & ts.TypeFlags.Object ? checker.getTypeArguments(type as ts.TypeReference) : undefined;
  return args?.[0];
}

/** What a call's result carries on the wire: awaited, a stream's element, nothing for void. */
export function resultType(type: ts.Type, checker: ts.TypeChecker): ts.Type | 'void' {
  const awaited = checker.getAwaitedType(type) ?? type;
  const element = streamElement(awaited, checker) ?? awaited;
  return element.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined) ? 'void' : element;
}
