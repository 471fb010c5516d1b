import { baselineLabel } from '../report/baseline-label';
import type { ResolvedBaseline } from '../baseline/resolve-baseline';
import type { ModelPair } from '../engine/shape';
import { ProjectSession, type CheckOptions, type CheckResult } from '../project/session';

/** A check's result plus both models, which hovers and code lenses need (contract locations and shapes). */
export interface CheckedProject {
  result: CheckResult;
  models?: ModelPair;
}

/** What the language server needs from a project session; tests may hand in their own. */
export interface SessionPort {
  readonly root: string;
  readonly baseline: ResolvedBaseline;
  check(overlays?: ReadonlyMap<string, string>, options?: CheckOptions): Promise<CheckedProject>;
  refreshBaseline(): Promise<boolean>;
  /** A file's text at a commit, relative to the root; undefined when the commit does not have it. */
  readFileAt(commit: string, file: string): Promise<string | undefined>;
  dispose(): void;
}

export interface OpenSessionOptions {
  cwd: string;
  against?: string | readonly string[];
  log: (line: string) => void;
  /** Awaited before the baseline is read from git (not from the cache), with its label ("deployed (v1.4.0)"). */
  onExtractBaseline?: (label: string) => Promise<void> | void;
  /** A monorepo project's: the folder above it whose files its program may read (see SessionOptions). */
  workspaceRoot?: string;
}

export type OpenSession = (options: OpenSessionOptions) => Promise<SessionPort>;

/** Opens a ProjectSession; each check hands back the findings with both wire models. */
export const openProjectSession: OpenSession = async ({ cwd, against, log, onExtractBaseline, workspaceRoot }) => {
  const session = await ProjectSession.open({
    cwd,
    against: typeof against === 'string' ? against || undefined : against?.length ? against : undefined,
    againstFrom: 'setting',
    log,
    onExtractBaseline: onExtractBaseline && ((b) => onExtractBaseline(baselineLabel(b))),
    workspaceRoot,
  });
  return {
    get root() {
      return session.root;
    },
    get baseline() {
      return session.baseline;
    },
    check: async (overlays, options) => {
      const result = await session.check(overlays, options);
      const models = session.models;
      return { result, models };
    },
    refreshBaseline: () => session.refreshBaseline(),
    readFileAt: (commit, file) => session.readFileAt(commit, file),
    dispose: () => session.dispose(),
  };
};
