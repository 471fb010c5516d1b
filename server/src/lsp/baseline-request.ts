import * as path from 'node:path';
import { isSkewError } from '../common/errors';
import type { BaselineContentParams, BaselineContentResult } from '../shared/protocol';
import { parseBaselineUri } from '../shared/baseline-uri';

/** A project this server checks, and how its session reads a file at a commit (relative to the project root). */
export interface CheckedProject {
  root: string;
  readFileAt(commit: string, file: string): Promise<string | undefined>;
}

/**
 * Answers skew/baselineContent. Only roots of projects this server checks are read, so a crafted URI cannot
 * make it run git in an arbitrary folder; the text comes through that project's session (its one cat-file
 * process), so opening baseline documents starts no git process.
 */
export async function answerBaselineContent(params: BaselineContentParams, projects: readonly CheckedProject[]): Promise<BaselineContentResult> {
  const ref = parseBaselineUri(params?.uri ?? '');
  if (!ref) return { message: `not a Skew baseline URI: ${params?.uri}` };
  const project = projects.find((p) => path.resolve(p.root) === path.resolve(ref.root));
  if (!project) return { message: `${ref.root} is not a project Skew is checking in this window` };
  try {
    const text = await project.readFileAt(ref.commit, ref.file);
    return text === undefined ? { message: `${ref.file} does not exist at ${ref.commit.slice(0, 7)}` } : { text };
  } catch (e) {
    if (isSkewError(e)) return { message: e.message };
    throw e;
  }
}
