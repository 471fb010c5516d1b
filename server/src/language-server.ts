#!/usr/bin/env node
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

/**
 * `skew-language-server --stdio` (Neovim, Helix, Zed) or `--node-ipc` (the VS Code client). The transport flags
 * are read by vscode-languageserver itself; without one there is nothing to talk to, so say how to start it.
 */
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

if (process.argv.slice(2).some((a) => a === '--help' || a === '-h') || !process.argv.slice(2).some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) {
  process.stderr.write('usage: skew-language-server --stdio   (or --node-ipc, --socket=PORT, --pipe=NAME)\n');
  process.exit(process.argv.includes('--help') || process.argv.includes('-h') ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
// A bug in one handler must not end the editor's session: log it and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`Skew: uncaught exception: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`Skew: unhandled rejection: ${String((e as Error | undefined)?.stack ?? e)}`));
startServer(connection);
