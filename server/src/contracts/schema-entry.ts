import { ts } from '@ts-morph/common';
import type { Range } from '../engine/shape.js';
import { memberNodeAt } from './member-spans.js';
import { spanOf, type ParsedFile, type Span } from './parsed-file.js';

/**
 * How a schema library spells "optional": a method on the schema (zod: `z.string().optional()`) or a function
 * around it (zod mini, valibot: `v.optional(v.string())`).
 */
export type OptionalStyle = 'method' | 'wrap';

const LIBRARIES: Record<string, OptionalStyle> = {
  zod: 'method',
  'zod/v4': 'method',
  'zod/v3': 'method',
  zod3: 'method',
  'zod/mini': 'wrap',
  'zod/v4-mini': 'wrap',
  valibot: 'wrap',
};

export interface SchemaEntry {
  style: OptionalStyle;
  /** The name the library is imported as (`z`, `v`). */
  namespace: string;
  /** The field's schema expression. */
  value: Span;
  /** The schema is already wrapped in, or ends with, `optional`. */
  optional: boolean;
}

/** The schema field (`qty: z.number()`) whose name is at `range`, when its schema comes from a known library. */
export function schemaEntryAt(parsed: ParsedFile, range: Range): SchemaEntry | undefined {
  const node = memberNodeAt(parsed, range);
  if (!node || !ts.isPropertyAssignment(node)) return undefined;
  const value = node.initializer;
  let root: ts.Expression = value;
  let optional = false;
  while (ts.isCallExpression(root) || ts.isPropertyAccessExpression(root)) {
    if (ts.isPropertyAccessExpression(root) && /^(optional|nullish)$/.test(root.name.text)) optional = true;
    root = root.expression;
  }
  if (!ts.isIdentifier(root)) return undefined;
  const style = importedFrom(parsed.source, root.text);
  return style && { style, namespace: root.text, value: spanOf(value, parsed.source), optional };
}

function importedFrom(source: ts.SourceFile, name: string): OptionalStyle | undefined {
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const style = LIBRARIES[statement.moduleSpecifier.text];
    const clause = statement.importClause;
    if (!style || !clause || clause.isTypeOnly) continue;
    const bindings = clause.namedBindings;
    const names = [
      clause.name?.text,
      bindings && ts.isNamespaceImport(bindings) ? bindings.name.text : undefined,
      ...(bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : []),
    ];
    if (names.includes(name)) return style;
  }
  return undefined;
}
