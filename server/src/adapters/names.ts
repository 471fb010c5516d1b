/**
 * The adapters' names, in a module of their own: skew.json is validated at start-up, before (and often
 * without) the compiler loads, and the adapters themselves import it.
 */
export const ADAPTER_NAMES = ['trpc', 'orpc', 'jsonrpc', 'cloudflare', 'socketio', 'bullmq', 'temporal', 'nestjs'] as const;

export type AdapterName = (typeof ADAPTER_NAMES)[number];
