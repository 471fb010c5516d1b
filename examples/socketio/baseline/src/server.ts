import { Server } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from './events';

export const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>();

io.on('connection', (socket) => {
  socket.on('placeOrder', (items, ack) => {
    ack({ id: items.join('-'), status: 'accepted' });
  });
});
