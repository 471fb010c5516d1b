import { ts } from '@ts-morph/common';

/**
 * What TypeScript reports when it gives up on a type (a union or tuple too large, an instantiation too deep, a
 * comparison too complex) and hands back its error type instead, which reads as `any` and would check nothing.
 */
const LIMIT_CODES = new Set([2321, 2589, 2590, 2799, 2800, 2859]);

/**
 * The error type with no name attached. An unresolved name (`Missing`, `ns.Foo`) gets an error type carrying
 * that name; a limit gives the bare one. So do a few other mistakes (`typeof missing`, `Missing | string`),
 * which is why the bare type alone does not decide: a limit diagnostic must have been reported too.
 */
export function isBareErrorType(type: ts.Type): boolean {
  return !!(type.flags & ts.TypeFlags.Any) && (type as { intrinsicName?: string }).intrinsicName === 'error' && !type.aliasSymbol;
}

/**
 * The first limit TypeScript reported in this program, as `TS2590: …`. Types are computed on demand by Skew's
 * own calls, outside any statement the checker is checking, so the checker files these as global diagnostics
 * (with no location) when they occur, before the call that met the limit returns.
 */
export function limitReported(program: ts.Program): string | undefined {
  const diagnostic = program.getGlobalDiagnostics().find((d) => LIMIT_CODES.has(d.code));
  if (!diagnostic) return undefined;
  return `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/\.$/, '')}`;
}
