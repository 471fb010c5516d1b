import type { Range } from './positions';

/**
 * Expected failures (no repo, ref missing, bad config, unparsable source) that the CLI turns into exit 2 with
 * one line and the language server shows as a status message. The message must say what to do next.
 */
export type SkewErrorCode =
  | 'git-missing'
  | 'not-git-repo'
  | 'git-failed'
  | 'ref-not-found'
  | 'no-baseline'
  | 'bad-cwd'
  | 'no-tsconfig'
  | 'bad-tsconfig'
  | 'bad-config'
  | 'baseline-parse'
  | 'baseline-uncheckable'
  | 'working-parse'
  | 'bad-argument'
  | 'no-such-finding'
  | 'write-failed'
  | 'bad-project';

/** A source problem (syntax error) behind a 'baseline-parse' / 'working-parse' error, for editors to show. */
export interface SourceProblem {
  file: string;
  range: Range;
  message: string;
  /** A limit was hit and a contract was not read in full: the check cannot pass. */
  uncheckable?: true;
}

export class SkewError extends Error {
  readonly code: SkewErrorCode;
  readonly problems: readonly SourceProblem[];

  constructor(code: SkewErrorCode, message: string, problems: readonly SourceProblem[] = []) {
    // Multi-line git output would break the one-line contract of the CLI.
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'SkewError';
    this.code = code;
    this.problems = problems;
  }
}

export const isSkewError = (e: unknown): e is SkewError => e instanceof SkewError;
