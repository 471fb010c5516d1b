export enum Priority {
  Low,
  Medium,
  High,
}

/** @wire */
export interface LineItem {
  sku: string;
  quantity: number;
  price: string;
}

/** @wire Published when a customer places an order. */
export interface OrderCreated {
  id: string;
  amount: number;
  currency: string;
  priority: Priority;
  items: LineItem[];
  coupon?: string;
}

/** @wire */
export type PaymentEvent =
  | { type: 'authorized'; orderId: string }
  | { type: 'captured'; orderId: string; amount: number }
  | { type: 'refunded'; orderId: string; amount: number };
