import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, type FixEdit, type FixInput } from '../fixes';
import { applyEdits } from '../fixes/text-edits';
import type { ModelPair } from '../engine/shape';
import { baselineLabel } from '../report/baseline-label';
import { printable } from '../report/text';
import { isWithin, readTextFile, realLocation, SOURCE_FILE_LIMIT } from '../common/safe-read';
import { ProjectSession, type CheckResult, type SessionOptions } from './session';

/** Rounds of fix, re-check: fixes left out for overlapping an earlier one get their turn in the next round. */
const MAX_ROUNDS = 5;

export interface FixedFile {
  /** Posix path relative to the project root. */
  file: string;
  titles: string[];
}

export interface FixReport {
  /** The check after the last round: what is still reported. */
  result: CheckResult;
  /** Both models of that check, as a report needs them. */
  models?: ModelPair;
  changed: FixedFile[];
  /** Files left alone because they changed on disk after Skew read them. */
  refused: { file: string; reason: string }[];
}

export interface FixHooks {
  /** For tests: runs right before a file is checked for changes and written. */
  beforeWrite?(file: string): void;
  /** For tests: runs right after a check read the files on disk, before the fixes are computed. */
  afterCheck?(): void;
}

/**
 * The working-tree texts a round works on. The round's check is run on exactly these texts (as overlays), so
 * the findings' positions are positions in them; a file is written only if the disk still holds what was read.
 */
class DiskSnapshot {
  private readonly texts = new Map<string, string | undefined>();
  private frozen = false;
  private readonly realRoot: string;
  constructor(private readonly root: string) {
    this.realRoot = realLocation(root) ?? root;
  }

  abs(file: string): string {
    return path.join(this.root, ...file.split('/'));
  }

  /**
   * Where `file` really is (symlinks resolved) when that is inside the project. A folder that was real at the
   * baseline may be a symlink to anywhere now, and --fix never reads or writes anything outside the project.
   */
  inside(file: string): { real?: string; outside?: string } {
    const real = realLocation(this.abs(file));
    if (real === undefined || isWithin(this.realRoot, real)) return { real };
    return { outside: `its real location ${real} is outside the project (a symbolic link leads there)` };
  }

  read(file: string): string | undefined {
    // After the check, a file it did not see may already differ from anything the findings describe.
    if (!this.texts.has(file) && !this.frozen) this.texts.set(file, this.inside(file).outside ? undefined : readText(this.abs(file)));
    return this.texts.get(file);
  }

  /** The texts read so far, for the check: nothing more is read from disk after it. */
  freeze(): Map<string, string> {
    this.frozen = true;
    const overlays = new Map<string, string>();
    for (const [file, text] of this.texts) if (text !== undefined) overlays.set(this.abs(file), text);
    return overlays;
  }

  /** Why `file` must not be written now, or undefined when it still holds what was read. */
  stale(file: string): string | undefined {
    if (!this.texts.has(file)) return 'Skew did not read it';
    const { outside } = this.inside(file);
    if (outside) return outside;
    const before = this.texts.get(file);
    if (before === undefined) return 'it did not exist when Skew read the project';
    return readText(this.abs(file)) === before ? undefined : 'it changed on disk after Skew read it';
  }
}

function readText(file: string): string | undefined {
  try {
    return readTextFile(file, SOURCE_FILE_LIMIT);
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file in the same folder and a rename, so readers never see half a file. */
function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.skew-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  const mode = fs.statSync(file).mode;
  try {
    fs.writeFileSync(temp, text, { mode });
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** Files the findings point into, in either version. */
const filesOf = (result: CheckResult): Set<string> =>
  new Set(result.findings.flatMap((f) => [f.baselineLoc?.file, f.loc?.file]).filter((f): f is string => !!f));

/**
 * `skew check --fix`: checks, applies every safe non-overlapping fix to the files on disk, and checks again,
 * until nothing more can be fixed. Only files the round read are written, and only if they did not change
 * since; suppressions are never written (they need a reason only a person can give).
 */
export async function checkAndFix(options: SessionOptions, hooks: FixHooks = {}): Promise<FixReport> {
  const session = await ProjectSession.open(options);
  try {
    let result = await session.check();
    const changed = new Map<string, string[]>();
    const refused = new Map<string, string>();
    for (let round = 0; round < MAX_ROUNDS && result.findings.length > 0; round++) {
      hooks.afterCheck?.();
      const snapshot = new DiskSnapshot(result.root);
      for (const file of new Set([...result.files, ...filesOf(result)])) if (!refused.has(file)) snapshot.read(file);
      // The check above read the disk earlier: a file saved since would move every position in its findings.
      result = await session.check(snapshot.freeze());
      if (result.findings.length === 0) break;
      const wanted = filesOf(result);
      for (const file of wanted) {
        const { outside } = snapshot.inside(file);
        if (outside) refused.set(file, outside);
      }
      const old = new Map<string, string | undefined>();
      // Through the session's long-lived cat-file process: one git, however many files the fixes touch.
      for (const file of wanted) old.set(file, await session.readFileAt(result.baseline.commit, file));
      const models = session.models;
      const input: FixInput = {
        newText: (file) => (refused.has(file) ? undefined : snapshot.read(file)),
        oldText: (file) => old.get(file),
        baselineLabel: baselineLabel(result.baseline),
        models,
      };
      const { applied } = fixAll(result.findings, input);
      // A fix is written whole or not at all: one stale file drops every fix that touches it.
      const usable = applied.filter(({ fix }) =>
        fix.edits.every((e) => {
          const why = snapshot.stale(e.file);
          if (why) refused.set(e.file, why);
          return !why;
        }),
      );
      if (usable.length === 0) break;
      const byFile = new Map<string, { edits: FixEdit[]; titles: string[] }>();
      // Findings that share one fix (every member of a renumbered enum) list it once; two fixes with the same
      // title in different contracts are two lines.
      for (const fix of new Set(usable.map((u) => u.fix))) {
        for (const file of new Set(fix.edits.map((e) => e.file))) {
          const entry = byFile.get(file) ?? { edits: [], titles: [] };
          entry.edits.push(...fix.edits.filter((e) => e.file === file && !entry.edits.includes(e)));
          entry.titles.push(fix.title);
          byFile.set(file, entry);
        }
      }
      let wrote = false;
      for (const [file, { edits, titles }] of byFile) {
        // Checked again right before writing: an editor may have saved the file while the fixes were computed.
        hooks.beforeWrite?.(file);
        const why = snapshot.stale(file);
        if (why) {
          refused.set(file, why);
          continue;
        }
        try {
          // To the real location checked just now, so a symlink inside the project stays a symlink.
          const { real, outside } = snapshot.inside(file);
          if (outside || !real) throw new Error(outside ?? 'it was removed');
          writeAtomically(real, applyEdits(snapshot.read(file)!, edits));
        } catch (e) {
          // One unwritable file (permissions, a full disk) must not hide what was already written.
          refused.set(file, `Skew could not write it (${(e as Error)?.message ?? String(e)})`);
          continue;
        }
        changed.set(file, [...(changed.get(file) ?? []), ...titles]);
        wrote = true;
      }
      if (!wrote) break;
      result = await session.check();
    }
    return {
      result,
      models: session.models,
      changed: [...changed].map(([file, titles]) => ({ file, titles })),
      refused: [...refused].map(([file, reason]) => ({ file, reason })),
    };
  } finally {
    session.dispose();
  }
}

/** What `--fix` did, one line per fix, for people. */
export function describeFixes(report: FixReport): string {
  const lines: string[] = [];
  for (const { file, titles } of report.changed) for (const title of titles) lines.push(`fixed ${printable(file)}: ${printable(title.replace(/`/g, ''))}`);
  for (const { file, reason } of report.refused) lines.push(`skew: not fixing ${file}: ${reason}`);
  if (lines.length === 0) lines.push('skew: --fix found nothing it can fix safely');
  return lines.join('\n') + '\n';
}
