import type { ContractAdapter } from '../contracts/adapter-hook.js';
import type { AdapterName } from './names.js';
import bullmq from './bullmq/index.js';
import cloudflare from './cloudflare/index.js';
import jsonrpc from './jsonrpc/index.js';
import nestjs from './nestjs/index.js';
import orpc from './orpc/index.js';
import socketio from './socketio/index.js';
import temporal from './temporal/index.js';
import trpc from './trpc/index.js';

/** Every adapter, in the order they add contracts (a name two adapters find goes to the first). */
export const adapters: readonly (ContractAdapter & { name: AdapterName })[] = [trpc, orpc, jsonrpc, cloudflare, socketio, bullmq, temporal, nestjs];
