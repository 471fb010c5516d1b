import type { Method, Shape } from './shape';

const MAX_VARIANTS = 6;

/** A short TypeScript-like rendering of a shape for messages; refs and the aliases the user wrote keep their names. */
export function show(shape: Shape, depth = 0): string {
  return render(shape, depth, true);
}

/**
 * An old and a new shape for "from … to …": as written, unless that reads the same on both sides (`Sku` when the
 * alias itself changed from `string` to `number`); then spelled out, so the message shows what changed.
 */
export function showChange(before: Shape, after: Shape): [string, string] {
  const written: [string, string] = [show(before), show(after)];
  return written[0] === written[1] ? [render(before, 0, false), render(after, 0, false)] : written;
}

function render(shape: Shape, depth: number, aliases: boolean): string {
  const show = (inner: Shape, at: number): string => render(inner, at, aliases);
  // A union's alias names it in every message, as before aliases of primitives and arrays were kept.
  if ('alias' in shape && shape.alias && (aliases || shape.kind === 'union')) return shape.alias;
  switch (shape.kind) {
    case 'literal':
      return JSON.stringify(shape.value);
    case 'ref':
      return shape.name;
    case 'any':
      return 'unknown';
    case 'object': {
      if (depth > 1) return '{…}';
      const fields = shape.fields.slice(0, 4).map((f) => `${f.name}${f.optional ? '?' : ''}: ${show(f.shape, depth + 1)}`);
      if (shape.fields.length > 4) fields.push('…');
      if (shape.index) fields.push(`[key: string]: ${show(shape.index, depth + 1)}`);
      return fields.length ? `{ ${fields.join('; ')} }` : '{}';
    }
    case 'array': {
      const inner = show(shape.element, depth + 1);
      return shape.element.kind === 'union' ? `(${inner})[]` : `${inner}[]`;
    }
    case 'tuple':
      return `[${shape.elements.map((e) => `${e.rest ? '...' : ''}${show(e.shape, depth + 1)}${e.optional ? '?' : ''}`).join(', ')}]`;
    case 'union': {
      // A union of hundreds of events is named, not listed: the first few, then how many more.
      const shown = shape.variants.slice(0, MAX_VARIANTS).map((v) => show(v, depth + 1));
      if (shape.variants.length > MAX_VARIANTS) shown.push(`… ${shape.variants.length - MAX_VARIANTS} more`);
      return shown.join(' | ');
    }
    case 'enum':
      return `enum { ${shape.members.map((m) => `${m.key} = ${JSON.stringify(m.value)}`).join(', ')} }`;
    case 'unsafe':
      return shape.what;
    case 'decoded':
      return `${show(shape.input, depth)} → ${show(shape.output, depth)}`;
    case 'string':
      return shape.template === undefined ? 'string' : `\`${shape.template}\``;
    default:
      return shape.kind;
  }
}

/**
 * Several shapes for one message: "`A`", "`A` and `B`", "`A`, `B` and `C`"; past six, the first five and how many
 * more, so a union that gained a hundred events still fits a diagnostic.
 */
export function showList(shapes: readonly Shape[]): string {
  const names = shapes.map((s) => `\`${show(s)}\``);
  if (names.length > MAX_VARIANTS) return `${names.slice(0, MAX_VARIANTS - 1).join(', ')} and ${names.length - MAX_VARIANTS + 1} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/** A call signature for messages: `find(id: string, opts?: Options)`. */
export function showSignature(method: Method): string {
  return `${method.name}(${method.params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${show(p.shape, 1)}`).join(', ')})`;
}
