import { z } from 'zod';
import { createTRPCRouter, publicProcedure } from '../trpc';

const LineItem = z.object({ sku: z.string(), qty: z.number().int() });

export const orderRouter = createTRPCRouter({
  create: publicProcedure
    .input(
      z.object({
        items: z.array(LineItem),
        note: z.string().optional(),
        currency: z.string(),
      }),
    )
    .mutation(({ input }) => ({ id: 'ord_1', total: input.items.length * 10, status: 'placed' as const, placedAt: new Date() })),
  byId: publicProcedure.input(z.string()).query(({ input }) => ({ id: input, total: String(10), status: 'placed' as const })),
  refund: publicProcedure.input(z.object({ id: z.string() })).mutation(() => true),
});
