import { ts } from '@ts-morph/common';
import type { AdapterContext, ContractAdapter } from '../../contracts/adapter-hook.js';
import { locOf, nameNode, suppressionsOf } from '../../contracts/locations.js';
import type { ContractRoles, Method, ServiceContract, Shape } from '../../engine/shape.js';
import { paramOf } from '../parameter.js';
import { findEventMaps, type FoundMap, type Role } from './event-maps.js';
import { ADAPTER_PACKAGES } from '../names.js';

interface Event {
  name: string;
  property: ts.Symbol;
}

/**
 * socket.io v4: the event maps the project types its `Server`, `Namespace` and sockets with. Each direction is a
 * service named as socket.io's documentation names the map (`ServerToClientEvents`) whose methods are the events
 * (`ServerToClientEvents.orderUpdated`): the emitter writes the arguments, the listener reads them, and a trailing
 * acknowledgement callback is the result the listener sends back (`emitWithAck`). `InterServerEvents` run between
 * servers, `SocketData` is read across nodes by `fetchSockets()`: in a rollout both are written and read by old and
 * new servers alike, which the engine checks in both directions as for every contract.
 */
const socketio: ContractAdapter & { name: 'socketio' } = {
  name: 'socketio',
  packages: ADAPTER_PACKAGES.socketio,
  collect(context) {
    const maps = findEventMaps(context.files, context.checker);
    const byRole = new Map<Role, FoundMap[]>();
    for (const map of maps) byRole.set(map.role, [...(byRole.get(map.role) ?? []), map]);
    for (const [role, found] of byRole) {
      if (role === 'SocketData') addSocketData(context, found[0]!);
      else addService(context, role, found);
    }
  },
};
export default socketio;

function declarationOf(map: FoundMap): ts.Declaration | undefined {
  const symbol = map.type.aliasSymbol ?? map.type.getSymbol();
  return symbol?.declarations?.[0];
}

function addSocketData(context: AdapterContext, map: FoundMap): void {
  const declaration = declarationOf(map);
  if (!declaration) return;
  const loc = locOf(nameNode(declaration), context.relative);
  if (!loc) return;
  if (!context.builder.defineContractType('SocketData', declaration, () => map.type)) return;
  context.add({ kind: 'message', name: 'SocketData', loc, source: 'adapter', adapter: 'socketio' }, nameNode(declaration));
}

/** Which end emits each map's events and which listens: a server emits `ServerToClientEvents` to its clients. */
const ENDS: Record<Exclude<Role, 'SocketData'>, ContractRoles> = {
  ClientToServerEvents: { caller: 'emitting client', callee: 'listening server' },
  ServerToClientEvents: { caller: 'emitting server', callee: 'listening client' },
  InterServerEvents: { caller: 'emitting server', callee: 'listening server' },
};

function addService(context: AdapterContext, role: Exclude<Role, 'SocketData'>, maps: FoundMap[]): void {
  const { checker, relative } = context;
  // Several maps in one role (two namespaces, a client package with its own copy): their events are merged, and an
  // event declared twice is read from the first map that declares it.
  const events = new Map<string, Event>();
  for (const map of maps) {
    for (const property of checker.getPropertiesOfType(map.type)) {
      if (!events.has(property.getName())) events.set(property.getName(), { name: property.getName(), property });
    }
  }
  if (!events.size) return;
  const declaration = declarationOf(maps[0]!);
  const anchor = declaration ? nameNode(declaration) : maps[0]!.at;
  const loc = locOf(anchor, relative);
  if (!loc || !declaration) return;
  const methods = context.builder.serviceMethods(`socketio:${role}`, declaration, () => {
    const built: Method[] = [];
    for (const event of events.values()) {
      const method = methodOf(event, context);
      if (method) built.push(method);
    }
    return built;
  });
  const contract: ServiceContract = { kind: 'service', name: role, loc, source: 'adapter', adapter: 'socketio', roles: ENDS[role], methods };
  context.add(contract, anchor);
}

function methodOf({ name, property }: Event, context: AdapterContext): Method | undefined {
  const { builder, checker, relative } = context;
  builder.dependOn(property.declarations);
  const [signature] = checker.getNonNullableType(checker.getTypeOfSymbol(property)).getCallSignatures();
  if (!signature) return undefined;
  const parameters = [...signature.getParameters()];
  const last = parameters[parameters.length - 1];
  const ack = last && ackSignature(checker.getTypeOfSymbol(last), checker);
  if (ack) parameters.pop();
  const method: Method = {
    name,
    params: parameters.map((parameter, i) => paramOf(parameter, i, context)),
    result: ack ? ackResult(ack, context) : { kind: 'void' },
  };
  const member = property.valueDeclaration ?? property.declarations?.[0];
  const at = member && locOf(nameNode(member), relative);
  if (at) method.loc = at;
  const suppressions = member && suppressionsOf(member, relative);
  if (suppressions) method.suppressions = suppressions;
  return method;
}

/** A trailing function argument is socket.io's acknowledgement: the listener calls it with the reply. */
function ackSignature(type: ts.Type, checker: ts.TypeChecker): ts.Signature | undefined {
  return checker.getNonNullableType(type).getCallSignatures()[0];
}

/** The reply the acknowledgement carries: nothing, its one argument, or its arguments as a tuple. */
function ackResult(ack: ts.Signature, context: AdapterContext): Shape {
  const { builder, checker } = context;
  const replies = ack.getParameters().map((p) => checker.getTypeOfSymbol(p));
  if (replies.length === 0) return { kind: 'void' };
  if (replies.length === 1) return builder.shapeOf(replies[0]!);
  return { kind: 'tuple', elements: replies.map((type) => builder.memberShape(type, false)) };
}
