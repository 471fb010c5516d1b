import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events';

export const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io();

export async function place(items: string[]) {
  const reply = await socket.emitWithAck('placeOrder', items);
  return reply.status;
}
