import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type * as activities from './activities';

const { charge, ship } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });

export const cancel = defineSignal<[reason: string]>('cancel');
export const status = defineQuery<{ state: 'open' | 'paid' }>('status');

export async function order(orderId: string, cents: number): Promise<{ receipt: string }> {
  let cancelled = false;
  setHandler(cancel, () => {
    cancelled = true;
  });
  setHandler(status, () => ({ state: 'open' as const }));
  const paid = await charge({ orderId, cents });
  await ship(orderId);
  await condition(() => cancelled, '30 days');
  return paid;
}
