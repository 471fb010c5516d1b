import type { Codec, UnsafeKind } from '../engine/shape';
import { carries } from '../engine/unsafe';

/**
 * Witness values a codec carries besides JSON's: a superjson or structured-clone witness holds the real thing
 * (a `Date` instance, a `Map`, `1n`), so it can be handed to the codec as it is and printed as JavaScript.
 */

/** A value JSON has no notation for, by what it is; undefined for JSON values (and plain objects and arrays). */
export type CodecValueKind = 'Date' | 'Map' | 'Set' | 'bigint' | 'Uint8Array' | 'ArrayBuffer' | 'undefined';

export function codecValueKind(value: unknown): CodecValueKind | undefined {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return 'bigint';
  if (value instanceof Date) return 'Date';
  if (value instanceof Map) return 'Map';
  if (value instanceof Set) return 'Set';
  if (value instanceof Uint8Array) return 'Uint8Array';
  if (value instanceof ArrayBuffer) return 'ArrayBuffer';
  return undefined;
}

/** A fixed instant, so witnesses (and the tests that print them) are the same on every run. */
const EPOCH_2024 = '2024-01-01T00:00:00.000Z';

/**
 * Values of a kind the codec carries, smallest first. A Map or Set shape does not record its element types, so
 * only an empty one is surely something the writer produces. None for a kind the codec does not carry, and none
 * for a function: Workers RPC sends it as a stub, which is no value one can write down.
 */
export function codecSamples(what: UnsafeKind, codec: Codec): unknown[] {
  if (!carries(codec, what)) return [];
  switch (what) {
    case 'Date':
      return [new Date(EPOCH_2024)];
    case 'Map':
      return [new Map()];
    case 'Set':
      return [new Set()];
    case 'bigint':
      return [0n, 1n];
    case 'Uint8Array':
      return [new Uint8Array()];
    case 'ArrayBuffer':
      return [new ArrayBuffer(0)];
    default:
      return [];
  }
}

/** Whether `value` is a `what` as the codec delivers it. */
export function isCarried(value: unknown, what: UnsafeKind): boolean {
  switch (what) {
    case 'Date':
      return value instanceof Date && !Number.isNaN(value.getTime());
    case 'Map':
      return value instanceof Map;
    case 'Set':
      return value instanceof Set;
    case 'bigint':
      return typeof value === 'bigint';
    case 'Uint8Array':
      return value instanceof Uint8Array;
    case 'ArrayBuffer':
      return value instanceof ArrayBuffer;
    case 'function':
      return typeof value === 'function';
    default:
      return false;
  }
}

/** "a Date", "an ArrayBuffer", for mismatch reasons. */
export const aKind = (what: string): string => (/^[AEIO]/.test(what) ? `an ${what}` : `a ${what}`);
