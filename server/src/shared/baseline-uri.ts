import { BASELINE_SCHEME } from './protocol';

/**
 * `skew-baseline:/<path relative to the project root>?commit=<sha>&root=<absolute project root>`.
 * The path comes first so editors show the real file name and pick the language from its extension; the
 * commit pins the text (a later tag move does not change what an open baseline document shows); the root says
 * which project (multi-root workspaces have several).
 */
export interface BaselineRef {
  /** Posix path relative to the project root. */
  file: string;
  commit: string;
  root: string;
  /**
   * Which baseline it is, e.g. `deployed v1.4.0`: appended to the path (`api.ts (deployed v1.4.0)`) so the
   * editor's tab says what the document is, and kept in the query so the suffix can be taken off again.
   */
  label?: string;
}

export function toBaselineUri(ref: BaselineRef): string {
  const label = ref.label ? printableLabel(ref.label) : '';
  const path = (label ? `${ref.file} (${label})` : ref.file).split('/').map(encodeURIComponent).join('/');
  const query = new URLSearchParams({ commit: ref.commit, root: ref.root, ...(label ? { label } : {}) }).toString();
  return `${BASELINE_SCHEME}:/${path}?${query}`;
}

/** Undefined for anything that is not a well-formed baseline URI. */
export function parseBaselineUri(uri: string): BaselineRef | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${BASELINE_SCHEME}:`) return undefined;
  let params = new URLSearchParams(url.search);
  // Some clients re-encode the query as a whole (`commit%3D…`); one extra decode recovers it.
  if (!params.has('commit')) params = new URLSearchParams(safeDecode(url.search));
  const commit = params.get('commit') ?? '';
  const root = params.get('root') ?? '';
  const label = params.get('label') ?? '';
  const shown = safeDecode(url.pathname).replace(/^\/+/, '');
  const file = label && shown.endsWith(` (${label})`) ? shown.slice(0, -` (${label})`.length) : shown;
  if (!/^[0-9a-f]{4,64}$/i.test(commit) || !root || !file || file.split('/').includes('..')) return undefined;
  return label ? { file, commit, root, label } : { file, commit, root };
}

/** A label is a ref name from the repository: no slash (it would make a folder) and no control character. */
const printableLabel = (label: string): string => label.replace(/[\u0000-\u001f\u007f/\\]/g, '_');

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
