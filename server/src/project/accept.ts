import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AcceptedEntry } from '../common/source';
import { SkewError } from '../common/errors';
import { CONFIG_FILE_LIMIT, readTextFile } from '../common/safe-read';
import type { Finding } from '../rules';
import { CONFIG_FILE, loadConfig } from './config';
import { withAccepted } from './config-edit';

export interface AcceptRequest {
  /** A fingerprint (or a prefix of at least 8 of its characters) or a finding's path (`OrderCreated.currency`). */
  target: string;
  reason: string;
  /** A release tag: the acceptance ends once it is cut (see accepted.ts). */
  until?: string;
}

const FINGERPRINT = /^[0-9a-f]{8,16}$/;

/** The findings a target names: by fingerprint, else by path. Accepted ones count, so a reason can be changed. */
export function findingsNamed(target: string, findings: readonly Finding[]): Finding[] {
  if (FINGERPRINT.test(target)) {
    const byPrint = findings.filter((f) => f.fingerprint?.startsWith(target));
    if (byPrint.length) return byPrint;
  }
  return findings.filter((f) => f.path === target);
}

/** Checks what a person typed before anything is written. */
export function validateRequest(req: AcceptRequest): void {
  if (!req.target.trim()) throw new SkewError('bad-argument', 'say which break to accept: a fingerprint or a path such as OrderCreated.currency (skew check prints both)');
  if (!req.reason.trim()) throw new SkewError('bad-argument', 'give a reason with --reason "...": why shipping this break is fine');
  if (/[\u0000-\u001f\u007f]/.test(req.reason)) throw new SkewError('bad-argument', 'the reason must be one line of text without control characters');
  if (req.until !== undefined && (!req.until.trim() || req.until.startsWith('-') || /[\s\u0000-\u001f\u007f~^:?*[\\]/.test(req.until))) {
    throw new SkewError('bad-argument', `--until takes a release tag name such as v2.0.0, not \`${req.until}\``);
  }
}

/**
 * Records the findings `req.target` names in skew.json `accepted` (replacing an earlier entry for the same
 * fingerprint) and returns them. `findings` are the check's findings and suppressed ones.
 */
export function recordAccepted(root: string, req: AcceptRequest, findings: readonly Finding[]): Finding[] {
  validateRequest(req);
  const named = findingsNamed(req.target.trim(), findings).filter((f) => f.fingerprint && (!f.suppressed || f.accepted));
  if (!named.length) {
    throw new SkewError('no-such-finding', `no finding has the fingerprint or path \`${req.target}\`: run skew check to list them`);
  }
  const file = path.join(root, CONFIG_FILE);
  const { config } = loadConfig(root);
  const entries = new Map<string, AcceptedEntry>((config.accepted ?? []).map((e) => [e.fingerprint, e]));
  for (const f of named) {
    const entry: AcceptedEntry = { fingerprint: f.fingerprint!, path: f.path, rule: f.rule, reason: req.reason.trim() };
    if (req.until) entry.until = req.until.trim();
    entries.set(entry.fingerprint, entry);
  }
  const text = readTextFile(file, CONFIG_FILE_LIMIT);
  writeAtomically(file, withAccepted(text, [...entries.values()]));
  return named;
}

/** A temporary file beside it and a rename: a reader (or a crash) never sees half a skew.json. */
function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.skew-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  let mode = 0o644;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    // a new skew.json
  }
  try {
    fs.writeFileSync(temp, text, { mode });
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new SkewError('write-failed', `could not write ${file}: ${(e as Error).message}`);
  }
}
