import type { ResolvedBaseline } from '../baseline/resolve-baseline';

/**
 * "deployed (v1.4.0)": the word people use for the baseline, then which version it is. The tag `deployed` says
 * nothing about the version, so its commit is shown instead.
 */
export function baselineLabel(b: Pick<ResolvedBaseline, 'ref' | 'commit'>): string {
  const which = b.ref === 'deployed' ? b.commit.slice(0, 7) : b.ref;
  return `deployed (${which})`;
}
