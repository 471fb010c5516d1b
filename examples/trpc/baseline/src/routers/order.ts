import { z } from 'zod';
import { createTRPCRouter, publicProcedure } from '../trpc';

const LineItem = z.object({ sku: z.string(), qty: z.number().int() });

export const orderRouter = createTRPCRouter({
  create: publicProcedure
    .input(
      z.object({
        items: z.array(LineItem),
        note: z.string().optional(),
      }),
    )
    .mutation(({ input }) => ({ id: 'ord_1', total: input.items.length * 10, status: 'placed' as const })),
  byId: publicProcedure.input(z.string()).query(({ input }) => ({ id: input, total: 10, status: 'placed' as const })),
  cancel: publicProcedure.input(z.object({ id: z.string() })).mutation(() => true),
});
