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
}

export function toBaselineUri(ref: BaselineRef): string {
  const path = ref.file.split('/').map(encodeURIComponent).join('/');
  const query = new URLSearchParams({ commit: ref.commit, root: ref.root }).toString();
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
  const file = safeDecode(url.pathname).replace(/^\/+/, '');
  if (!/^[0-9a-f]{4,64}$/i.test(commit) || !root || !file || file.split('/').includes('..')) return undefined;
  return { file, commit, root };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
