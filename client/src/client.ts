import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { SkewInitializationOptions } from '../../server/src/shared/protocol';

/**
 * The language client: the bundled server (dist/server.js) over node IPC, for TypeScript files on disk. The
 * id `skew` makes vscode-languageclient read the `skew.trace.server` setting.
 */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Node 22+ keeps V8's compiled code here, so later starts skip compiling the 14 MB compiler bundle again.
  const env = { NODE_COMPILE_CACHE: path.join(context.globalStorageUri.fsPath, 'compile-cache') };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
    ],
    outputChannel: output,
    // A function, so a restart after the workspace is trusted sends the new value.
    initializationOptions: (): SkewInitializationOptions => ({ trusted: vscode.workspace.isTrusted }),
  };
  return new LanguageClient('skew', 'Skew', serverOptions, clientOptions);
}
