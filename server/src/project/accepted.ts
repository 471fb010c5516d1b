import { isAncestor, resolveCommit } from '../baseline/git';
import type { ResolvedBaseline } from '../baseline/resolve-baseline';
import type { AcceptedEntry } from '../common/source';
import type { Finding } from '../rules';

/**
 * Applies skew.json `accepted`: a finding whose fingerprint is accepted moves to the suppressed list, marked
 * accepted. An acceptance with `until` ends once that release is reached: the tag exists and is HEAD or one of
 * its ancestors (the release was cut from this history), or it is one of the live versions. The finding then
 * counts again, marked as an expired acceptance. A finding that changed has another fingerprint: no entry names it.
 */
export async function applyAccepted(
  root: string,
  entries: readonly AcceptedEntry[] | undefined,
  window: readonly ResolvedBaseline[],
  findings: readonly Finding[],
  suppressed: readonly Finding[],
): Promise<{ findings: Finding[]; suppressed: Finding[] }> {
  if (!entries?.length) return { findings: [...findings], suppressed: [...suppressed] };
  const byFingerprint = new Map(entries.map((e) => [e.fingerprint, e]));
  const reached = new Map<string, boolean>();
  const isReached = async (until: string): Promise<boolean> => {
    let known = reached.get(until);
    if (known === undefined) {
      known = window.some((b) => b.ref === until) || (await releaseReached(root, until));
      reached.set(until, known);
    }
    return known;
  };
  const kept: Finding[] = [];
  const accepted: Finding[] = [];
  for (const f of findings) {
    const entry = f.fingerprint ? byFingerprint.get(f.fingerprint) : undefined;
    if (!entry) {
      kept.push(f);
      continue;
    }
    const mark = entry.until ? { reason: entry.reason, until: entry.until } : { reason: entry.reason };
    if (entry.until && (await isReached(entry.until))) {
      kept.push({ ...f, accepted: { ...mark, expired: true } });
    } else {
      accepted.push({ ...f, accepted: mark, suppressed: { reason: `accepted: ${entry.reason}`, by: 'config' } });
    }
  }
  return { findings: kept, suppressed: [...suppressed, ...accepted] };
}

async function releaseReached(root: string, tag: string): Promise<boolean> {
  const commit = await resolveCommit(root, `refs/tags/${tag}`);
  return commit !== undefined && (await isAncestor(root, commit, 'HEAD'));
}
