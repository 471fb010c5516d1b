import { createTRPCRouter, publicProcedure } from './trpc';
import { orderRouter } from './routers/order';

export const appRouter = createTRPCRouter({
  order: orderRouter,
  health: publicProcedure.query(() => 'ok' as const),
});

export type AppRouter = typeof appRouter;
