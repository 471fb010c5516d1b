export enum Priority {
  Low,
  High,
}

/** @wire */
export interface LineItem {
  sku: string;
  quantity: number;
  price: number;
}

/** @wire Published when a customer places an order. */
export interface OrderCreated {
  id: string;
  amount: number;
  note?: string;
  priority: Priority;
  items: LineItem[];
}

/** @wire */
export type PaymentEvent =
  | { type: 'authorized'; orderId: string }
  | { type: 'captured'; orderId: string; amount: number };
