import type { Rule } from '../engine/rule';
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

/** Every rule, listed explicitly so a missing import is a compile error rather than a silent gap. */
export const rules: readonly Rule[] = [
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
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((r) => r.meta.id));
export const ruleById = (id: string): Rule | undefined => rules.find((r) => r.meta.id === id);
