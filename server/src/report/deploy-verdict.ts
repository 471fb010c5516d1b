import { liveLabel } from '../baseline/resolve-window';
import type { CheckResult } from './check-result';
import { listInWords, planChanges } from './live-versions';
import { rolloutPlan, type PlanVerdict, type RolloutPlan } from './rollout-plan';

export interface DeployVerdict {
  verdict: PlanVerdict;
  /** One line for CI logs and release tooling. */
  line: string;
  plan: RolloutPlan;
}

const WORDS: Record<PlanVerdict, string> = {
  'any-order': 'safe to deploy in any order',
  'readers-first': 'safe if readers and servers go first',
  'writers-first': 'safe if writers and clients go first',
  'two-releases': 'needs two releases',
};

/** Whether this version can join the whole window: the rollout plan of every break against any live version. */
export function deployVerdict(result: Pick<CheckResult, 'findings' | 'window' | 'baseline'>): DeployVerdict {
  const plan = rolloutPlan(planChanges(result.findings));
  const live = (result.window ?? [result.baseline]).map(liveLabel);
  const against = `against ${live.length === 1 ? live[0]! : `${live.length} live versions (${listInWords(live)})`}`;
  const why = plan.verdict === 'any-order' ? '' : `: ${plan.headline}`;
  return { verdict: plan.verdict, line: `${WORDS[plan.verdict]} ${against}${why}`, plan };
}
