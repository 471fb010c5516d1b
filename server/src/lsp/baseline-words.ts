import type { ResolvedBaseline } from '../baseline/resolve-baseline';

/** How the editor names the baseline: never "deployed" unless the tag `deployed` picked it. */
export interface BaselineWords {
  /** For the status bar, lenses and hovers: `deployed (v1.0.0)`, `v0.9.0 (selected)`, `v1.0.0 (newest tag; no deployed tag)`. */
  label: string;
  /** Inside sentences ("v1.0.0 nodes send…"): the version alone. */
  name: string;
  /** After a file name in a tab title: `deployed v1.0.0`, `v0.9.0, selected`. */
  tab: string;
}

export function baselineWords(b: Pick<ResolvedBaseline, 'ref' | 'commit' | 'version' | 'how'>): BaselineWords {
  const short = b.commit.slice(0, 7);
  switch (b.how) {
    case 'deployed-tag': {
      const which = b.version ?? short;
      return { label: `deployed (${which})`, name: b.version ?? `deployed ${short}`, tab: `deployed ${which}` };
    }
    case 'newest-semver-tag':
      return { label: `${b.ref} (newest tag; no deployed tag)`, name: b.ref, tab: `${b.ref}, newest tag` };
    case 'skew.json':
      return { label: `${b.ref} (skew.json baseline)`, name: b.ref, tab: `${b.ref}, skew.json baseline` };
    case 'setting':
    case 'argument':
      return { label: `${b.ref} (selected)`, name: b.ref, tab: `${b.ref}, selected` };
  }
}
