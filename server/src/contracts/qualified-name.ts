import { ts } from '@ts-morph/common';

/** One namespace level: `Network` for `namespace Network`, `"pkg"` for `declare module 'pkg'`. */
export function namespaceSegment(module: ts.ModuleDeclaration): string | undefined {
  if (module.flags & ts.NodeFlags.GlobalAugmentation) return undefined;
  return ts.isIdentifier(module.name) ? module.name.text : JSON.stringify(module.name.text);
}

/**
 * The name a declaration is known by across versions: its namespaces and its own name, without the file
 * (`Protocol.Network.Request`). Files move between versions; qualified names are what code refers to.
 * Declarations inside `declare global` are global, so that block adds nothing to the name.
 */
export function qualifiedName(declaration: ts.Node, ownName: string): string {
  const segments = [ownName];
  for (let node = declaration.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (!ts.isModuleDeclaration(node)) continue;
    const segment = namespaceSegment(node);
    if (segment === undefined) break;
    segments.push(segment);
  }
  return segments.reverse().join('.');
}
