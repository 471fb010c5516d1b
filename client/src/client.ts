import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions } from 'vscode-languageclient/node';
import type { SkewInitializationOptions } from '../../server/src/shared/protocol';
import type { BaselineChoice } from './baseline-choice';
import { explainDisabled } from './disabled-actions';

/**
 * The language client: the bundled server (dist/server.js) over node IPC, for TypeScript files on disk. The
 * id `skew` makes vscode-languageclient read the `skew.trace.server` setting.
 */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, choice: BaselineChoice): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Node 22+ keeps V8's compiled code here, so later starts skip compiling the 14 MB compiler bundle again.
  const env = { NODE_COMPILE_CACHE: path.join(context.globalStorageUri.fsPath, 'compile-cache') };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const middleware: Middleware = {
    workspace: {
      // The server reads `skew.baseline` per folder; a pick kept in this workspace's state wins over the setting.
      configuration: async (params, token, next) => {
        const answer = await next(params, token);
        if (!Array.isArray(answer)) return answer;
        return answer.map((value: unknown, i) => {
          const item = params.items[i];
          const picked = item?.section === 'skew' && item.scopeUri ? choice.get(vscode.Uri.parse(item.scopeUri)) : undefined;
          return picked && value && typeof value === 'object' ? { ...(value), baseline: picked } : value;
        });
      },
    },
    provideCodeActions: async (document, range, context, token, next) => explainDisabled(await next(document, range, context, token), context),
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
    ],
    outputChannel: output,
    // A function, so a restart after the workspace is trusted sends the new value.
    initializationOptions: (): SkewInitializationOptions => ({ trusted: vscode.workspace.isTrusted, baselineRemedies: true }),
    middleware,
  };
  return new LanguageClient('skew', 'Skew', serverOptions, clientOptions);
}
