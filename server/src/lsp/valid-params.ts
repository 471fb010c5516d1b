/**
 * Shapes of what a client may send, checked before any handler or shared state sees it. The JSON-RPC layer
 * does not validate parameters, and one document with a number for a URI, kept in the document list, would
 * break every later check of the session. Each guard answers "is this usable as declared", nothing more.
 */
type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isUint = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isInt = (x: unknown): x is number => Number.isSafeInteger(x);
const isString = (x: unknown): x is string => typeof x === 'string';

export const isPosition = (x: unknown): boolean => isObj(x) && isUint(x.line) && isUint(x.character);
export const isRange = (x: unknown): boolean => isObj(x) && isPosition(x.start) && isPosition(x.end);
const hasDocument = (p: unknown): p is { textDocument: Obj } => isObj(p) && isObj(p.textDocument) && isString(p.textDocument.uri);

export const validDidOpen = (p: unknown): boolean =>
  hasDocument(p) && isString(p.textDocument.languageId) && isInt(p.textDocument.version) && isString(p.textDocument.text);

const isChange = (c: unknown): boolean =>
  isObj(c) && isString(c.text) && (c.range === undefined ? c.rangeLength === undefined : isRange(c.range) && (c.rangeLength === undefined || isUint(c.rangeLength)));

export const validDidChange = (p: unknown): boolean =>
  hasDocument(p) && isInt(p.textDocument.version) && Array.isArray((p as Obj).contentChanges) && ((p as Obj).contentChanges as unknown[]).every(isChange);

/** didClose, didSave, willSave, codeLens, pull diagnostics: a text document identifier is all they need. */
export const validDocumentOnly = (p: unknown): boolean => hasDocument(p);

export const validHover = (p: unknown): boolean => hasDocument(p) && isPosition((p as Obj).position);

export const validCodeAction = (p: unknown): boolean => {
  if (!hasDocument(p) || !isRange((p as Obj).range) || !isObj((p as Obj).context)) return false;
  const context = (p as Obj).context as Obj;
  const onlyOk = context.only === undefined || (Array.isArray(context.only) && context.only.every(isString));
  return onlyOk && Array.isArray(context.diagnostics) && context.diagnostics.every((d) => isObj(d) && isRange(d.range));
};

const isFolder = (f: unknown): boolean => isObj(f) && isString(f.uri) && (f.name === undefined || isString(f.name));
export const validFolders = (list: unknown): boolean => Array.isArray(list) && list.every(isFolder);

export const validFoldersChange = (p: unknown): boolean => isObj(p) && validFolders(p.added) && validFolders(p.removed);

export const validWatchedFiles = (p: unknown): boolean =>
  isObj(p) && Array.isArray(p.changes) && p.changes.every((c) => isObj(c) && isString(c.uri) && (c.type === 1 || c.type === 2 || c.type === 3));

/** Custom requests whose only parameter is an optional URI-like string under `key`; no params at all is fine. */
export const validOptionalString = (key: string) => (p: unknown): boolean => p === undefined || p === null || (isObj(p) && (p[key] === undefined || isString(p[key])));

export const validRequiredString = (key: string) => (p: unknown): boolean => isObj(p) && isString(p[key]);

/** A short description of what was received, for the one log line: never the whole (possibly huge) payload. */
export function describeParams(p: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(p);
  } catch {
    json = undefined;
  }
  const shown = json ?? String(p);
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
