import type { ts } from '@ts-morph/common';

/**
 * The compiler options a SourceFile depends on once parsed and bound: TypeScript's own list of options that
 * affect a source file (its document registry shares files between programs by exactly these), plus `strict`,
 * which decides `alwaysStrict` when that is not set. A test keeps this in step with the compiler's list.
 */
export const PARSING_OPTIONS = [
  'target',
  'module',
  'jsx',
  'importHelpers',
  'alwaysStrict',
  'strict',
  'noFallthroughCasesInSwitch',
  'moduleResolution',
  'jsxImportSource',
  'allowUnusedLabels',
  'allowUnreachableCode',
  'moduleDetection',
] as const;

/**
 * Programs whose options agree on these share their parsed (and bound) files of the same path and text:
 * the packages of a monorepo differ in paths and outDir, rarely in these.
 */
export function parsingKey(options: ts.CompilerOptions): string {
  const record = options as Record<string, unknown>;
  return JSON.stringify(PARSING_OPTIONS.map((name) => record[name] ?? null));
}
