import type { Finding } from '../rules';
import type { ModelPair, Range } from '../engine/shape';

export interface FixEdit {
  /** Posix path relative to the project root, as in `Finding.loc.file`. */
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  rule: string;
  kind: 'quickfix';
  /** Eligible for fix-all (`source.fixAll.skew`, `skew check --fix`). */
  safe: boolean;
  isPreferred?: boolean;
  edits: FixEdit[];
  /** `newText` uses snippet syntax (`${1:reason}`) and needs a snippet-capable client. */
  snippet?: boolean;
}

export interface FixInput {
  /** Working-tree text (editor buffer or disk) of a project file; undefined when it does not exist. */
  newText(file: string): string | undefined;
  /** Baseline text of a project file. */
  oldText(file: string): string | undefined;
  /** How the baseline is named in titles, e.g. `deployed (v1.4.0)`. */
  baselineLabel: string;
  /**
   * Both wire models, when the caller has them: type widening is then checked with `readable` on the
   * widened shape. Without them the same decision is made from the directions the finding breaks.
   */
  models?: ModelPair;
}

/** Why a fix that would apply to a finding cannot be made; `title` names the fix that was not possible. */
export interface NoFix {
  title?: string;
  reason: string;
}

/** A fix kind: returns its fixes, or a reason it cannot help with this finding, or nothing when it does not apply. */
export type FixProvider = (finding: Finding, input: FixInput) => Fix[] | NoFix | undefined;
