import { compareSteps, compareWith, type CompareOptions, type Comparison as EngineComparison } from '../engine/compare-models';
import type { Steps } from '../common/steps';
import type { Finding as EngineFinding } from '../engine/finding';
import type { Rule } from '../engine/rule';
import type { WireModel } from '../engine/shape';
import contractRemoved from './contract-removed';
import enumMemberAdded from './enum-member-added';
import enumMemberRemoved from './enum-member-removed';
import enumValueChanged from './enum-value-changed';
import fieldMadeOptional from './field-made-optional';
import fieldMadeRequired from './field-made-required';
import fieldRemoved from './field-removed';
import fieldRenamed from './field-renamed';
import fieldRequiredAdded from './field-required-added';
import notWireSafe from './not-wire-safe';
import rpcMethodAdded from './rpc-method-added';
import rpcMethodRemoved from './rpc-method-removed';
import rpcMethodRenamed from './rpc-method-renamed';
import rpcParameterMadeOptional from './rpc-parameter-made-optional';
import rpcParameterMadeRequired from './rpc-parameter-made-required';
import rpcParameterRemoved from './rpc-parameter-removed';
import rpcParameterRequiredAdded from './rpc-parameter-required-added';
import suppressionMissingReason from './suppression-missing-reason';
import typeChanged from './type-changed';
import unionVariantAdded from './union-variant-added';
import unionVariantRemoved from './union-variant-removed';
import strictReaderUndeclaredField from './strict-reader-undeclared-field';
import stripReaderDropsField from './strip-reader-drops-field';
import readerRefinementAdded from './reader-refinement-added';
import codecChanged from './codec-changed';

/**
 * Every rule, listed explicitly so a missing import is a compile error rather than a silent gap. The order is
 * the order findings at one place are reported in.
 */
export const rules = [
  contractRemoved,
  fieldRequiredAdded,
  fieldRemoved,
  fieldRenamed,
  fieldMadeRequired,
  fieldMadeOptional,
  typeChanged,
  unionVariantAdded,
  unionVariantRemoved,
  enumMemberAdded,
  enumMemberRemoved,
  enumValueChanged,
  notWireSafe,
  rpcMethodAdded,
  rpcMethodRemoved,
  rpcMethodRenamed,
  rpcParameterRequiredAdded,
  rpcParameterRemoved,
  rpcParameterMadeRequired,
  rpcParameterMadeOptional,
  suppressionMissingReason,
  strictReaderUndeclaredField,
  stripReaderDropsField,
  readerRefinementAdded,
  codecChanged,
] as const satisfies readonly Rule[];

/** The id of every rule Skew has; a misspelt id is a compile error wherever this type is used. */
export type RuleId = (typeof rules)[number]['meta']['id'];

export type AnyRule = (typeof rules)[number];

const byId = new Map<string, AnyRule>(rules.map((r) => [r.meta.id, r]));

export const ruleIds: ReadonlySet<string> = new Set(byId.keys());
export const ruleById = (id: string): AnyRule | undefined => byId.get(id);
export const isRuleId = (id: string): id is RuleId => byId.has(id);

/** A finding of one of Skew's rules. */
export type Finding = EngineFinding<RuleId>;

export interface Comparison extends EngineComparison {
  findings: Finding[];
  suppressed: Finding[];
}

const skewRules = { rules, missingReason: suppressionMissingReason.meta, knownIds: ruleIds };

/**
 * Compares two wire models with every rule (or, for tests, the `rules` given). Every finding's id comes from
 * the rules run, so the registry's ids are all it can carry.
 */
export function compareModels(oldModel: WireModel, newModel: WireModel, options: CompareOptions & { rules?: readonly Rule[] } = {}): Comparison {
  const ruleSet = options.rules ? { ...skewRules, rules: options.rules } : skewRules;
  return compareWith(ruleSet, oldModel, newModel, options) as Comparison;
}

/** `compareModels` as steps, one contract each, for a caller that must stay responsive (see common/steps.ts). */
export function* compareModelSteps(oldModel: WireModel, newModel: WireModel, options: CompareOptions = {}): Steps<Comparison> {
  return (yield* compareSteps(skewRules, oldModel, newModel, options)) as Comparison;
}

/** Where each rule's documentation lives; one page per rule id. */
export const RULE_DOCS_BASE_URL = 'https://github.com/skew-dev/skew/blob/main/docs/rules/';

export const ruleDocUrl = (rule: string): string => `${RULE_DOCS_BASE_URL}${encodeURIComponent(rule)}.md`;
