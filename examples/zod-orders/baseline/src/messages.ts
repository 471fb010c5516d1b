import { z } from 'zod';

/** A line of an order. The billing service reads it strictly: it refuses keys it does not know. */
export const LineItem = z.strictObject({
  sku: z.string(),
  quantity: z.number(),
  price: z.number(),
});

/** @wire Published when a customer places an order. */
export const OrderPlaced = z.object({
  id: z.string(),
  customerEmail: z.string(),
  status: z.enum(['new', 'paid']),
  items: z.array(LineItem),
});
export type OrderPlaced = z.infer<typeof OrderPlaced>;

/** @wire Sent by the warehouse when a parcel leaves. */
export const OrderShipped = z.object({
  orderId: z.string(),
  carrier: z.string(),
});
