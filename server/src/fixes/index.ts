import type { FixKind } from '../engine/rule';
import { ruleById, type Finding } from '../rules';
import { keepOldName } from './keep-old-name';
import { keepRequired } from './keep-required';
import { makeOptional } from './make-optional';
import { makeReaderTolerant } from './make-reader-tolerant';
import { pinEnumValues } from './pin-enum-values';
import { restoreEnumMember } from './restore-enum-member';
import { restoreField } from './restore-field';
import { restoreMethod } from './restore-method';
import { restoreVariant } from './restore-variant';
import { completeSuppressionReason, suppressFix } from './suppress';
import { rangesOverlap } from './text-edits';
import type { Fix, FixEdit, FixInput, FixProvider, NoFix } from './types';
import { widenType } from './widen-type';

export type { Fix, FixEdit, FixInput, NoFix } from './types';

/** Every fix kind a rule can name, with what builds it: a kind without a provider does not compile. */
const PROVIDERS: Record<FixKind, FixProvider> = {
  'make-optional': makeOptional,
  'keep-required': keepRequired,
  'keep-old-name': keepOldName,
  'restore-field': restoreField,
  'restore-enum-member': restoreEnumMember,
  'restore-variant': restoreVariant,
  'restore-method': restoreMethod,
  'widen-type': widenType,
  'pin-enum-values': pinEnumValues,
  'make-reader-tolerant': makeReaderTolerant,
  'complete-suppression-reason': completeSuppressionReason,
};

export interface FindingFixes {
  /** Compatible-change fixes first, then the suppression. */
  fixes: Fix[];
  /** Fixes that would apply to this rule but cannot be made here, with why (e.g. no widening helps). */
  unavailable: Required<NoFix>[];
}

const DEFAULT_TITLE = 'Make the change compatible';

/** Every fix Skew offers for one finding. A provider that fails is reported as unavailable, not thrown. */
export function fixesFor(finding: Finding, input: FixInput): FindingFixes {
  const fixes: Fix[] = [];
  const unavailable: Required<NoFix>[] = [];
  const take = (provide: FixProvider) => {
    let out: ReturnType<FixProvider>;
    try {
      out = provide(finding, input);
    } catch (e) {
      out = { reason: `Skew could not build this fix: ${(e as Error)?.message ?? String(e)}` };
    }
    if (!out) return;
    if (Array.isArray(out)) fixes.push(...out);
    else unavailable.push({ title: out.title ?? DEFAULT_TITLE, reason: out.reason });
  };
  if (!finding.suppressed) {
    const meta = ruleById(finding.rule)?.meta;
    for (const kind of meta?.fixes ?? []) take(PROVIDERS[kind]);
    // The one compatible change is what an editor's "auto fix" should pick.
    const safe = fixes.filter((f) => f.safe);
    if (safe.length === 1) safe[0]!.isPreferred = true;
    if (meta?.suppressible !== false) take(suppressFix);
  }
  return { fixes, unavailable };
}

export interface FixAllOptions {
  /** Only fixes whose every edit is in this file (an editor's "fix all in this file" is one document edit). */
  onlyFile?: string;
}

export interface FixAllResult {
  /** Non-overlapping edits, ready to apply together. */
  edits: FixEdit[];
  applied: { finding: Finding; fix: Fix }[];
  /** Findings with a safe fix that was left out, and why. */
  skipped: { finding: Finding; fix: Fix; reason: string }[];
}

const sameEdits = (a: Fix, b: Fix) => JSON.stringify(a.edits) === JSON.stringify(b.edits);

/**
 * Every safe fix that can be applied together: one per finding (the preferred one), in finding order, leaving
 * out any that overlaps an edit already taken. Two findings with the same fix (two members of one renumbered
 * enum) share it. Suppressions are never safe, so never applied here.
 */
export function fixAll(findings: readonly Finding[], input: FixInput, options: FixAllOptions = {}): FixAllResult {
  const taken: Fix[] = [];
  const applied: FixAllResult['applied'] = [];
  const skipped: FixAllResult['skipped'] = [];
  for (const finding of findings) {
    const safe = fixesFor(finding, input).fixes.filter((f) => f.safe && !f.snippet);
    const fix = safe.find((f) => f.isPreferred) ?? safe[0];
    if (!fix) continue;
    if (options.onlyFile !== undefined && fix.edits.some((e) => e.file !== options.onlyFile)) {
      skipped.push({ finding, fix, reason: `it also edits ${fix.edits.find((e) => e.file !== options.onlyFile)!.file}` });
      continue;
    }
    const same = taken.find((t) => sameEdits(t, fix));
    if (same) {
      applied.push({ finding, fix: same });
      continue;
    }
    const clash = taken.find((t) => t.edits.some((a) => fix.edits.some((b) => a.file === b.file && rangesOverlap(a.range, b.range))));
    if (clash) {
      skipped.push({ finding, fix, reason: `it overlaps "${clash.title}"; run the fix again afterwards` });
      continue;
    }
    taken.push(fix);
    applied.push({ finding, fix });
  }
  return { edits: taken.flatMap((f) => f.edits), applied, skipped };
}
