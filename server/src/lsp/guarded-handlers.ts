import { ErrorCodes, ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { printable } from '../report/printable';
import { describeParams, validDidChange, validDidOpen, validDocumentOnly } from './valid-params';

type Log = (line: string) => void;

function rejected(log: Log, method: string, params: unknown): string {
  const line = `Skew: ignored ${method} with invalid parameters: ${printable(describeParams(params))}`;
  log(line);
  return line;
}

/**
 * A request handler that answers malformed parameters with an InvalidParams error (and one log line) instead
 * of running: the handler only ever sees parameters of the declared shape.
 */
export function checkedRequest<P, T extends unknown[], R>(method: string, valid: (p: unknown) => boolean, log: Log, handler: (params: P, ...rest: T) => R) {
  return (params: P, ...rest: T): R | ResponseError<never> => {
    if (!valid(params)) return new ResponseError<never>(ErrorCodes.InvalidParams, rejected(log, method, params));
    return handler(params, ...rest);
  };
}

/** A notification handler that drops malformed parameters with one log line. */
export function checkedNotification<P>(method: string, valid: (p: unknown) => boolean, log: Log, handler: (params: P) => unknown) {
  return (params: P): void => {
    if (!valid(params)) {
      rejected(log, method, params);
      return;
    }
    void handler(params);
  };
}

/**
 * Text synchronisation is handled by vscode-languageserver's TextDocuments, which stores whatever it is sent.
 * It listens on this view of the connection, which drops malformed notifications before they reach it.
 */
export function listenChecked(documents: TextDocuments<TextDocument>, connection: Connection, log: Log): void {
  const view: Parameters<TextDocuments<TextDocument>['listen']>[0] = {
    onDidOpenTextDocument: (h) => connection.onDidOpenTextDocument(checkedNotification('textDocument/didOpen', validDidOpen, log, h)),
    onDidChangeTextDocument: (h) => connection.onDidChangeTextDocument(checkedNotification('textDocument/didChange', validDidChange, log, h)),
    onDidCloseTextDocument: (h) => connection.onDidCloseTextDocument(checkedNotification('textDocument/didClose', validDocumentOnly, log, h)),
    onWillSaveTextDocument: (h) => connection.onWillSaveTextDocument(checkedNotification('textDocument/willSave', validDocumentOnly, log, h)),
    onWillSaveTextDocumentWaitUntil: (h) => connection.onWillSaveTextDocumentWaitUntil(checkedRequest('textDocument/willSaveWaitUntil', validDocumentOnly, log, h)),
    onDidSaveTextDocument: (h) => connection.onDidSaveTextDocument(checkedNotification('textDocument/didSave', validDocumentOnly, log, h)),
  };
  documents.listen(view);
}
