import { ts } from '@ts-morph/common';
import type { AdapterContext } from '../../contracts/adapter-hook.js';
import type { PackageNameOf } from '../../contracts/schemas/library.js';
import { procedureInfo, routerInfo } from './router-types.js';
import { outermost, ownExports } from '../exported-roots.js';

export interface RootRouter {
  /** The export's name: the service that holds the root's own procedures. */
  name: string;
  declaration: ts.Declaration;
  record: ts.Type;
  transformer: boolean;
}

/**
 * Routers exported from project files (values, or `type AppRouter = typeof appRouter`) that no other exported
 * router contains: the roots the client's paths start from. A router exported twice (a value and its type,
 * a re-export) is one root.
 */
export function exportedRoots(context: AdapterContext): RootRouter[] {
  const { checker, packageNameOf } = context;
  const candidates: (RootRouter & { type: ts.Type })[] = [];
  const seen = new Set<ts.Type>();
  for (const { name, symbol, declaration } of ownExports(context)) {
    const type =
      symbol.flags & ts.SymbolFlags.Variable ? checker.getTypeOfSymbol(symbol) : symbol.flags & ts.SymbolFlags.TypeAlias ? checker.getDeclaredTypeOfSymbol(symbol) : undefined;
    const router = type && routerInfo(type, checker, packageNameOf);
    if (!type || !router || seen.has(type)) continue;
    seen.add(type);
    candidates.push({ name, declaration, type, ...router });
  }
  return outermost(
    candidates,
    (c) => checker.getPropertiesOfType(c.record),
    (member, inner) => collectInner(checker.getTypeOfSymbol(member), checker, packageNameOf, inner, new Set()),
  );
}

/** Declarations of every member below a router member (`type`), whatever depth. */
function collectInner(type: ts.Type, checker: ts.TypeChecker, packageNameOf: PackageNameOf, inner: Set<ts.Node>, walking: Set<ts.Type>): void {
  if (procedureInfo(type, checker, packageNameOf) || walking.has(type)) return;
  walking.add(type);
  const record = routerInfo(type, checker, packageNameOf)?.record ?? (type.flags & ts.TypeFlags.Object ? type : undefined);
  if (!record) return;
  for (const symbol of checker.getPropertiesOfType(record)) {
    for (const declaration of symbol.declarations ?? []) inner.add(declaration);
    collectInner(checker.getTypeOfSymbol(symbol), checker, packageNameOf, inner, walking);
  }
}
