import type { ResolvedBaseline } from '../baseline/resolve-baseline';
import type { WireModel } from '../engine/shape';
import { ProjectSession, type CheckResult } from '../project/session';

/** What the language server needs from a project session; tests may hand in their own. */
export interface SessionPort {
  readonly root: string;
  readonly baseline: ResolvedBaseline;
  check(overlays?: ReadonlyMap<string, string>): Promise<CheckResult>;
  refreshBaseline(): Promise<boolean>;
  dispose(): void;
  /** Both versions' models after the last check, for hovers and code lenses; undefined before the first check. */
  models(): { baseline: WireModel; working: WireModel } | undefined;
}

export interface OpenSessionOptions {
  cwd: string;
  against?: string;
  log: (line: string) => void;
}

export type OpenSession = (options: OpenSessionOptions) => Promise<SessionPort>;

type Extract = { extract(): { model: WireModel } };

/**
 * Opens a ProjectSession and keeps its models reachable. CheckResult carries findings only, so the working
 * model is observed through the session's documented extractor hook, and the baseline model is read from the
 * session (see the report: a public accessor on ProjectSession would replace this).
 */
export const openProjectSession: OpenSession = async ({ cwd, against, log }) => {
  let working: WireModel | undefined;
  const session = await ProjectSession.open({
    cwd,
    against: against || undefined,
    log,
    deps: {
      createExtractor: (...args: Parameters<typeof import('../contracts/extractor').createExtractor>) => {
        const { createExtractor } = require('../contracts/extractor') as typeof import('../contracts/extractor');
        const extractor = createExtractor(...args);
        const extract = extractor.extract.bind(extractor) as Extract['extract'];
        // Only the working tree's extractor is updated between checks, so the last model extracted by any
        // extractor after a check started is the working model.
        (extractor as unknown as Extract).extract = () => {
          const out = extract();
          working = out.model;
          return out;
        };
        return extractor;
      },
    },
  });
  return {
    get root() {
      return session.root;
    },
    get baseline() {
      return session.baseline;
    },
    check: async (overlays) => {
      const result = await session.check(overlays);
      return result;
    },
    refreshBaseline: () => session.refreshBaseline(),
    dispose: () => session.dispose(),
    models: () => {
      const exposed = (session as unknown as { baselineModel?: WireModel }).baselineModel;
      return exposed && working ? { baseline: exposed, working } : undefined;
    },
  };
};
