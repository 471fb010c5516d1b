import { ts } from '@ts-morph/common';
import type { AdapterContext } from '../contracts/adapter-hook.js';

export interface OwnExport {
  /** The name it is exported under. */
  name: string;
  /** The exported symbol, aliases resolved. */
  symbol: ts.Symbol;
  declaration: ts.Declaration;
}

/**
 * The exports of the project's files that each file declares itself: a re-export or an exported import is found
 * in the file that declares it, so one router or API exported from several files is one candidate root.
 */
export function* ownExports(context: AdapterContext): Generator<OwnExport> {
  const { checker } = context;
  for (const file of context.files) {
    const module = checker.getSymbolAtLocation(file);
    if (!module) continue;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (declaration?.getSourceFile() === file) yield { name: exported.getName(), symbol, declaration };
    }
  }
}

/**
 * The candidates no other candidate holds below its members: the roots clients' paths start from. Types of one
 * router differ by how it was reached (a generic instantiation each time); its members' declarations do not, so
 * a candidate is nested when the declaration of one of its own members turns up below another's.
 * @param below adds the declarations of every member below `member`, whatever depth.
 */
export function outermost<C>(candidates: readonly C[], membersOf: (candidate: C) => ts.Symbol[], below: (member: ts.Symbol, inner: Set<ts.Node>) => void): C[] {
  const inner = new Set<ts.Node>();
  for (const candidate of candidates) for (const member of membersOf(candidate)) below(member, inner);
  return candidates.filter((c) => !membersOf(c).some((member) => member.declarations?.some((d) => inner.has(d))));
}
