import { directRefs } from '../engine/reach';
import type { Contract, Shape, WireModel } from '../engine/shape';

/**
 * A readable, TypeScript-like rendering of a contract's wire shape for hovers: one field per line, nested
 * objects indented, named types kept by name (they are listed separately when referenced).
 */
const INDENT = '  ';
const MAX_DEPTH = 4;

/** `aliases`: name the aliases the user wrote for primitives and arrays (`Sku[]`) rather than spell them out. */
function renderShape(shape: Shape, depth: number, aliases: boolean): string {
  if (aliases && shape.kind !== 'union' && 'alias' in shape && shape.alias) return shape.alias;
  switch (shape.kind) {
    case 'literal':
      return JSON.stringify(shape.value);
    case 'ref':
      return shape.name;
    case 'any':
      return 'unknown';
    case 'void':
      return 'void';
    case 'unsafe':
      return shape.what === 'function' || shape.what === 'class-method' ? 'Function' : shape.what;
    case 'object':
      return renderObject(shape, depth, aliases);
    case 'array': {
      const inner = renderShape(shape.element, depth, aliases);
      return shape.element.kind === 'union' || shape.element.kind === 'enum' ? `(${inner})[]` : `${inner}[]`;
    }
    case 'tuple':
      return `[${shape.elements
        .map((e) => `${e.rest ? '...' : ''}${renderShape(e.shape, depth, aliases)}${e.optional ? '?' : ''}`)
        .join(', ')}]`;
    case 'union':
      return shape.variants.map((v) => renderShape(v, depth, aliases)).join(' | ');
    case 'enum':
      return shape.members.map((m) => JSON.stringify(m.value)).join(' | ');
    case 'decoded':
      // What writers send, then what the schema's reader accepts in its place (a transform, a pipe, a codec).
      return `${renderShape(shape.output, depth, aliases)} /* reads ${renderShape(shape.input, depth, aliases)} */`;
    default:
      return shape.kind;
  }
}

function renderObject(shape: Extract<Shape, { kind: 'object' }>, depth: number, aliases: boolean): string {
  if (shape.fields.length === 0 && !shape.index) return '{}';
  if (depth >= MAX_DEPTH) return '{ … }';
  const pad = INDENT.repeat(depth + 1);
  const lines = shape.fields.map((f) => `${pad}${propertyName(f.name)}${f.optional ? '?' : ''}: ${renderShape(f.shape, depth + 1, aliases)};`);
  if (shape.index) lines.push(`${pad}[key: string]: ${renderShape(shape.index, depth + 1, aliases)};`);
  return `{\n${lines.join('\n')}\n${INDENT.repeat(depth)}}`;
}

const propertyName = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

function renderEnum(name: string, shape: Extract<Shape, { kind: 'enum' }>): string {
  const lines = shape.members.map((m) => `${INDENT}${propertyName(m.key)} = ${JSON.stringify(m.value)},`);
  return `enum ${name} {\n${lines.join('\n')}\n}`;
}

/** The declaration of one named type: `interface X {…}`, `enum X {…}` or `type X = …`. */
function renderNamed(name: string, shape: Shape, aliases: boolean): string {
  if (shape.kind === 'object') return `interface ${name} ${renderObject(shape, 0, aliases)}`;
  if (shape.kind === 'enum') return renderEnum(name, shape);
  return `type ${name} = ${renderShape(shape, 0, aliases)};`;
}

function renderService(contract: Extract<Contract, { kind: 'service' }>, aliases: boolean): string {
  const lines = contract.methods.map((m) => {
    const params = m.params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${renderShape(p.shape, 1, aliases)}`).join(', ');
    return `${INDENT}${propertyName(m.name)}(${params}): ${renderShape(m.result, 1, aliases)};`;
  });
  return `interface ${contract.name} {\n${lines.join('\n')}\n}`;
}

/**
 * The contract's declaration followed by the named types it reaches, breadth first, up to `maxTypes` of them so
 * a hover over a large contract stays readable. Undefined when the model does not know the contract. `aliases`
 * false spells out every alias of a primitive or array.
 */
export function renderContract(model: WireModel, name: string, maxTypes = 6, aliases = true): string | undefined {
  const contract = model.contracts[name];
  if (!contract) return undefined;
  let head: string;
  let roots: Set<string>;
  if (contract.kind === 'service') {
    head = renderService(contract, aliases);
    roots = directRefs(contract.methods.flatMap((m) => [...m.params.map((p) => p.shape), m.result]));
  } else {
    const named = model.types[name];
    if (!named) return undefined;
    head = renderNamed(name, named.shape, aliases);
    roots = directRefs([named.shape]);
  }
  const blocks = [head];
  const seen = new Set<string>([name]);
  const queue = [...roots];
  let omitted = 0;
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const named = model.types[next];
    if (!named) continue;
    if (blocks.length > maxTypes) {
      omitted++;
      continue;
    }
    blocks.push(renderNamed(next, named.shape, aliases));
    queue.push(...directRefs([named.shape]));
  }
  if (omitted > 0) blocks.push(`// … ${omitted} more type${omitted === 1 ? '' : 's'}`);
  return blocks.join('\n\n');
}
