import type { ResolvedBaseline } from '../baseline/resolve-baseline';

/**
 * "deployed (v1.4.0)": the word people use for the baseline, then which version it is. The tag `deployed` says
 * nothing about the version, so the version tag on the same commit (found when the baseline was resolved) is
 * shown when there is one, else the commit.
 */
export function baselineLabel(b: Pick<ResolvedBaseline, 'ref' | 'commit' | 'version'>): string {
  const which = b.ref === 'deployed' ? (b.version ?? b.commit.slice(0, 7)) : b.ref;
  return `deployed (${which})`;
}
