import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { parseBaselineUri } from '../../server/src/shared/baseline-uri';
import { BASELINE_SCHEME, BaselineContentRequest } from '../../server/src/shared/protocol';

/**
 * Read-only `skew-baseline:` documents (related information, Compare with Baseline): the server reads the file
 * at the baseline commit. The commit is part of the URI, so the text never changes under an open editor.
 */
export function registerBaselineDocuments(client: LanguageClient): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri, token) {
      // toString(true) keeps the query as the server wrote it (no re-encoding of `=` and `&`).
      const answer = await client.sendRequest(BaselineContentRequest.type, { uri: uri.toString(true) }, token);
      return answer.text ?? `// Skew: ${answer.message ?? 'no baseline text for this file'}\n`;
    },
  };
  // The path ends with the baseline's name (`api.ts (deployed v1.4.0)`) so the tab says what it shows; the
  // language then cannot come from the extension, so it is set from the real file name.
  const language = (doc: vscode.TextDocument) => {
    if (doc.uri.scheme !== BASELINE_SCHEME) return;
    const file = parseBaselineUri(doc.uri.toString(true))?.file;
    const wanted = file?.endsWith('.tsx') ? 'typescriptreact' : file && /\.[cm]?ts$/.test(file) ? 'typescript' : undefined;
    if (wanted && doc.languageId !== wanted) void vscode.languages.setTextDocumentLanguage(doc, wanted);
  };
  vscode.workspace.textDocuments.forEach(language);
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(BASELINE_SCHEME, provider),
    vscode.workspace.onDidOpenTextDocument(language),
  );
}
