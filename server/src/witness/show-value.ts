import { codecValueKind } from './codec-values';

/**
 * A witness as the user reads it. A JSON value is printed as JSON, exactly as before codecs had witnesses; a
 * value holding something only superjson or structured clone carries is printed as the JavaScript that builds
 * it (`new Date("2024-01-01T00:00:00.000Z")`, `new Map([["a", 1]])`, `1n`), since JSON has no notation for it.
 */
export interface ShownValue {
  text: string;
  notation: 'json' | 'js';
}

/** `pretty`: indented over several lines like `JSON.stringify(v, null, 2)`; otherwise one line. */
export function showValue(value: unknown, pretty = true): ShownValue {
  if (isJsonValue(value)) return { text: JSON.stringify(value, null, pretty ? 2 : undefined), notation: 'json' };
  return { text: js(value, pretty ? '' : undefined), notation: 'js' };
}

/** True when JSON writes the value and reads back the same thing (nothing a codec alone carries, nowhere). */
export function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (codecValueKind(value) !== undefined || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every(isJsonValue);
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.values(value).every(isJsonValue);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `indent` is the current indentation when printing over several lines, undefined for one line. */
function js(value: unknown, indent: string | undefined): string {
  const inline = (v: unknown) => js(v, undefined);
  switch (codecValueKind(value)) {
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return `${String(value)}n`;
    case 'Date':
      return `new Date(${JSON.stringify((value as Date).toISOString())})`;
    case 'Map': {
      const entries = [...(value as Map<unknown, unknown>)].map(([k, v]) => `[${inline(k)}, ${inline(v)}]`);
      return entries.length ? `new Map([${entries.join(', ')}])` : 'new Map()';
    }
    case 'Set': {
      const items = [...(value as Set<unknown>)].map(inline);
      return items.length ? `new Set([${items.join(', ')}])` : 'new Set()';
    }
    case 'Uint8Array': {
      const bytes = [...(value as Uint8Array)];
      return bytes.length ? `new Uint8Array([${bytes.join(', ')}])` : 'new Uint8Array()';
    }
    case 'ArrayBuffer': {
      const bytes = new Uint8Array(value as ArrayBuffer);
      return bytes.some((b) => b !== 0) ? `new Uint8Array([${[...bytes].join(', ')}]).buffer` : `new ArrayBuffer(${bytes.length})`;
    }
    case undefined:
      break;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  const items = Array.isArray(value)
    ? value.map((v) => (next: string | undefined) => js(v, next))
    : Object.entries(value).map(([k, v]) => (next: string | undefined) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${js(v, next)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return `${open}${close}`;
  if (indent === undefined) return Array.isArray(value) ? `[${items.map((f) => f(undefined)).join(', ')}]` : `{ ${items.map((f) => f(undefined)).join(', ')} }`;
  const inner = `${indent}  `;
  return `${open}\n${items.map((f) => `${inner}${f(inner)}`).join(',\n')}\n${indent}${close}`;
}
