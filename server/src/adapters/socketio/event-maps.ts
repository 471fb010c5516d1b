import { ts } from '@ts-morph/common';
import { declaredByPackage } from '../../contracts/adapter-hook.js';

/** The roles socket.io's type parameters give an event map, named as socket.io's own documentation names them. */
export type Role = 'ClientToServerEvents' | 'ServerToClientEvents' | 'InterServerEvents' | 'SocketData';

export interface FoundMap {
  role: Role;
  type: ts.Type;
  /** Where the map was met (a `new Server<…>()`, a `Socket<…>` annotation): a fallback location for a map without a declaration. */
  at: ts.Node;
}

/** Server-side classes: `<ListenEvents, EmitEvents, ServerSideEvents, SocketData>`. */
const SERVER_CLASSES = new Set(['Server', 'Namespace', 'Socket', 'BroadcastOperator']);
const SERVER_ROLES: readonly Role[] = ['ClientToServerEvents', 'ServerToClientEvents', 'InterServerEvents', 'SocketData'];
/** The client's `Socket<ListenEvents, EmitEvents>`: what the server emits is what the client listens to. */
const CLIENT_ROLES: readonly Role[] = ['ServerToClientEvents', 'ClientToServerEvents'];

/**
 * Every event map the project hands socket.io, from the type arguments of its classes wherever they are written or
 * inferred: `new Server<C, S, I, D>()`, `Namespace<…>`, a server `Socket<…>`, and socket.io-client's `Socket<S, C>`
 * (`io()` typed by a variable annotation). Maps socket.io fills in itself (`DefaultEventsMap`) are not contracts.
 */
export function findEventMaps(files: readonly ts.SourceFile[], checker: ts.TypeChecker): FoundMap[] {
  const found: FoundMap[] = [];
  const seen = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) || ts.isTypeReferenceNode(node)) {
      for (const map of mapsOf(checker.getTypeAtLocation(node), checker, node)) {
        const key = `${map.role}:${checker.typeToString(map.type)}:${String((map.type.aliasSymbol ?? map.type.getSymbol())?.declarations?.[0]?.pos)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(map);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(file);
  return found;
}

function mapsOf(type: ts.Type, checker: ts.TypeChecker, at: ts.Node): FoundMap[] {
  const symbol = type.getSymbol();
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration || !(type.flags & ts.TypeFlags.Object)) return [];
  const name = symbol.getName();
  let roles: readonly Role[];
  if (SERVER_CLASSES.has(name) && declaredByPackage(declaration, ['socket.io'])) roles = SERVER_ROLES;
  else if (name === 'Socket' && declaredByPackage(declaration, ['socket.io-client'])) roles = CLIENT_ROLES;
  else return [];
  const args = checker.getTypeArguments(type as ts.TypeReference);
  const maps: FoundMap[] = [];
  roles.forEach((role, i) => {
    const arg = args[i];
    if (arg && isProjectMap(arg, role)) maps.push({ role, type: arg, at });
  });
  return maps;
}

/** A map the project declared: socket.io's defaults (`DefaultEventsMap`, `any`) say nothing about the wire. */
function isProjectMap(type: ts.Type, role: Role): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) return false;
  const declaration = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
  if (declaration && declaredByPackage(declaration, ['socket.io', 'socket.io-client', 'socket.io-adapter', '@socket.io/component-emitter'])) return false;
  return role === 'SocketData' || !!(type.flags & ts.TypeFlags.Object);
}
