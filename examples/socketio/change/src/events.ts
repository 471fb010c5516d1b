export interface Order {
  id: string;
  total: number;
  note: string;
}

export interface ServerToClientEvents {
  orderUpdated: (order: Order) => void;
}

export interface ClientToServerEvents {
  placeOrder: (items: string[], ack: (reply: { id: string; status: 'accepted' | 'rejected' | 'queued' }) => void) => void;
  cancelOrder: (id: string) => void;
}

export interface InterServerEvents {
  invalidate: (orderId: string) => void;
}

export interface SocketData {
  userId: string;
  room: string;
}
