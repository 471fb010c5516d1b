import { fileURLToPath, pathToFileURL } from 'node:url';

export const pathToUri = (file: string): string => pathToFileURL(file).href;

/** Undefined for URIs that are not local files (untitled buffers, baseline documents, remote schemes). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
