import type { ResolvedBaseline } from '../baseline/resolve-baseline';
import { WorkingTree } from '../baseline/working-tree';
import { createExtractor } from '../contracts/extractor';
import type { WireModel } from '../engine/shape';
import { ProjectSession, type CheckResult } from '../project/session';

export interface CheckModels {
  baseline: WireModel;
  working: WireModel;
}

/** A check's result plus both models, which hovers and code lenses need (contract locations and shapes). */
export interface CheckedProject {
  result: CheckResult;
  models?: CheckModels;
}

/** What the language server needs from a project session; tests may hand in their own. */
export interface SessionPort {
  readonly root: string;
  readonly baseline: ResolvedBaseline;
  check(overlays?: ReadonlyMap<string, string>): Promise<CheckedProject>;
  refreshBaseline(): Promise<boolean>;
  dispose(): void;
}

export interface OpenSessionOptions {
  cwd: string;
  against?: string;
  log: (line: string) => void;
}

export type OpenSession = (options: OpenSessionOptions) => Promise<SessionPort>;

/**
 * Opens a ProjectSession and keeps its models reachable. CheckResult carries findings only, so the working
 * model is observed through the session's extractor hook (the extractor built over the WorkingTree), and the
 * baseline model is read from the session's field: see the report, a public accessor would replace this.
 */
export const openProjectSession: OpenSession = async ({ cwd, against, log }) => {
  let working: WireModel | undefined;
  const session = await ProjectSession.open({
    cwd,
    against: against || undefined,
    log,
    deps: {
      createExtractor: (tree, config, options) => {
        const extractor = createExtractor(tree, config, options);
        if (!(tree instanceof WorkingTree)) return extractor;
        const extract = extractor.extract.bind(extractor);
        extractor.extract = () => {
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
      const baseline = (session as unknown as { baselineModel?: WireModel }).baselineModel;
      return { result, models: baseline && working ? { baseline, working } : undefined };
    },
    refreshBaseline: () => session.refreshBaseline(),
    dispose: () => session.dispose(),
  };
};
