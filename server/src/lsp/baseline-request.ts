import * as path from 'node:path';
import { isSkewError } from '../common/errors';
import type { BaselineContentParams, BaselineContentResult } from '../shared/protocol';
import { readBaselineFile } from './baseline-content';
import { parseBaselineUri } from '../shared/baseline-uri';

/**
 * Answers skew/baselineContent. Only roots of projects this server checks are read, so a crafted URI cannot
 * make it run git in an arbitrary folder.
 */
export async function answerBaselineContent(params: BaselineContentParams, knownRoots: string[]): Promise<BaselineContentResult> {
  const ref = parseBaselineUri(params?.uri ?? '');
  if (!ref) return { message: `not a Skew baseline URI: ${params?.uri}` };
  if (!knownRoots.some((r) => path.resolve(r) === path.resolve(ref.root))) {
    return { message: `${ref.root} is not a project Skew is checking in this window` };
  }
  try {
    const text = await readBaselineFile(ref);
    return text === undefined ? { message: `${ref.file} does not exist at ${ref.commit.slice(0, 7)}` } : { text };
  } catch (e) {
    if (isSkewError(e)) return { message: e.message };
    throw e;
  }
}
