import { readCompilerOptions } from '../../../server/src/contracts/compiler-options';
import { createExtractor } from '../../../server/src/contracts/extractor';
import { memoryTree } from '../../../server/src/contracts/memory-tree';
import { compareModels } from '../../../server/src/rules';
import type { WireModel } from '../../../server/src/engine/shape';
import type { CheckResult } from '../../../server/src/project/session';
import { buildReport, type ReportModel } from '../../../server/src/report/report-model';

export function extract(files: Record<string, string>): WireModel {
  const tree = memoryTree(files);
  const compiler = readCompilerOptions(tree);
  if ('error' in compiler) throw new Error(compiler.error);
  return createExtractor(tree, {}, compiler.options).extract().model;
}

export const XSS = '<script>alert(1)</script>';

/** A baseline and a working tree with one change of each kind of order, one of them carrying markup. */
export const BEFORE = {
  'src/messages.ts': `/** @wire */
export interface OrderCreated {
  id: string;
  amount: number;
  kind: "a" | "b";
}
`,
  'src/users.ts': `/** @rpc */
export interface UserService {
  getUser(id: string): Promise<{ id: string; name: string }>;
}
`,
};

export const AFTER = {
  'src/messages.ts': `/** @wire */
export interface OrderCreated {
  id: string;
  total: number;
  kind: "a" | "b" | "${XSS}";
  // skew-ignore field-required-added: every producer sends it since v1.3
  currency: string;
}
`,
  'src/users.ts': `/** @rpc */
export interface UserService {
  getUser(id: string, tenant: string): Promise<{ id: string; name: string }>;
}
`,
};

export function checkOf(before: Record<string, string>, after: Record<string, string>): { result: CheckResult; models: { baseline: WireModel; working: WireModel } } {
  return checkOfModels(extract(before), extract(after));
}

/** The check of two models as `skew check` would report it against a `deployed` tag. */
export function checkOfModels(baseline: WireModel, working: WireModel): { result: CheckResult; models: { baseline: WireModel; working: WireModel } } {
  const { findings, suppressed, changed } = compareModels(baseline, working);
  const contracts = new Set([...Object.keys(baseline.contracts), ...Object.keys(working.contracts)]);
  const result: CheckResult = {
    root: '/work/project',
    baseline: { ref: 'deployed', commit: '1234567890abcdef1234567890abcdef12345678', how: 'deployed-tag', date: '2024-05-01T10:00:00+02:00' },
    findings,
    suppressed,
    problems: [],
    files: [],
    summary: { contracts: contracts.size, changed: changed.length, breaking: findings.length, suppressed: suppressed.length },
  };
  return { result, models: { baseline, working } };
}

export function sampleReport(): ReportModel {
  return buildReport({
    ...checkOf(BEFORE, AFTER),
    workingTree: { head: 'abcdef0123456789abcdef0123456789abcdef01', branch: 'main', uncommitted: 2, repoPrefix: 'services/orders/' },
  });
}
