import type { ts } from '@ts-morph/common';
import type { Contract } from '../engine/shape.js';
import type { BuilderProblem } from './shape-builder.js';

/**
 * What one root file gave the model, kept for the next extraction: a file that did not change, imports nothing
 * whose exports changed and whose entries are all still clean gives the same contract records again, without
 * its declarations being asked about.
 */
export interface FileContracts {
  /** Which of skew.json's globs matched the file (they decide its candidates). */
  globs: string;
  contracts: { contract: Contract; owner: ts.Identifier; declaration: ts.Declaration }[];
  aliases: [string, string][];
  problems: BuilderProblem[];
  /** False when a candidate met another file's contract (a name or a merged symbol): then it is read again. */
  local: boolean;
}
