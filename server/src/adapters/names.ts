/**
 * The adapters' names, in a module of their own: skew.json is validated at start-up, before (and often
 * without) the compiler loads, and the adapters themselves import it.
 */
export const ADAPTER_NAMES = ['trpc', 'orpc', 'jsonrpc', 'cloudflare', 'socketio', 'bullmq', 'temporal', 'nestjs'] as const;

export type AdapterName = (typeof ADAPTER_NAMES)[number];

/**
 * The npm packages whose presence in package.json turns each adapter on; each adapter's `packages` is its entry.
 * Here so the language server can tell a folder has contracts without loading the compiler.
 */
export const ADAPTER_PACKAGES: Readonly<Record<AdapterName, readonly string[]>> = {
  trpc: ['@trpc/server'],
  orpc: ['@orpc/server', '@orpc/contract'],
  jsonrpc: ['vscode-jsonrpc', 'vscode-languageserver-protocol', 'vscode-languageserver', 'vscode-languageclient'],
  cloudflare: ['@cloudflare/workers-types', 'wrangler'],
  socketio: ['socket.io', 'socket.io-client'],
  bullmq: ['bullmq'],
  temporal: ['@temporalio/workflow', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
  nestjs: ['@nestjs/microservices'],
};
