import { isSkewError } from '../common/errors';
import type { ListRefsResult } from '../shared/protocol';
import { listRefs } from './list-refs';

/** Answers skew/listRefs for a folder; expected failures (no git, not a repository) come back as a message. */
export async function answerListRefs(folderPath: string | undefined): Promise<ListRefsResult> {
  if (!folderPath) return { refs: [], message: 'open a folder first: Skew reads tags from its git repository' };
  try {
    return { refs: await listRefs(folderPath) };
  } catch (e) {
    if (isSkewError(e)) return { refs: [], message: e.message };
    throw e;
  }
}
