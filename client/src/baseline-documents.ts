import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BASELINE_SCHEME, BaselineContentRequest } from '../../server/src/shared/protocol';

/**
 * Read-only `skew-baseline:` documents (related information, Compare with Deployed Version): the server reads
 * the file at the baseline commit. The commit is part of the URI, so the text never changes under an open editor.
 */
export function registerBaselineDocuments(client: LanguageClient): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri, token) {
      // toString(true) keeps the query as the server wrote it (no re-encoding of `=` and `&`).
      const answer = await client.sendRequest(BaselineContentRequest.type, { uri: uri.toString(true) }, token);
      return answer.text ?? `// Skew: ${answer.message ?? 'no baseline text for this file'}\n`;
    },
  };
  return vscode.workspace.registerTextDocumentContentProvider(BASELINE_SCHEME, provider);
}
