#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { version as SKEW_VERSION } from '../../package.json';
import { describeHow, type ResolvedBaseline } from './baseline/resolve-baseline';
import { exitAfterOutput, tolerateClosedReaders } from './common/exit-after-output';
import * as path from 'node:path';
import { isSkewError } from './common/errors';
import { recordAccepted, validateRequest } from './project/accept';
import { checkWithModels } from './project/check-once';
import { checkProjects, type ProjectChecked } from './project/check-projects';
import { oneProject, projectsToCheck } from './project/workspace-projects';
import type { FixReport } from './project/apply-fixes';
import type { CheckedWithModels, CheckResult } from './report/check-result';
import { formatProjects } from './report/projects';
import { SkewError } from './common/errors';
import { formatCheck, REPORT_FORMATS, type ReportFormat } from './report/formats';
import { printable } from './report/printable';
import { windowInWords } from './report/live-versions';
import { rollbackOf } from './report/rollback';
import { planLines, rollbackLines } from './report/text';
import { deployVerdict } from './report/deploy-verdict';

/** Exit codes: nothing breaks, something breaks, skew could not do its job. */
export const EXIT_OK = 0;
export const EXIT_BREAKING = 1;
export const EXIT_ERROR = 2;
/** can-i-deploy: safe, but only in one upgrade order. */
export const EXIT_ORDERED = 3;

interface CheckFlags {
  against: string[];
  rollback?: boolean;
  format: ReportFormat;
  cwd?: string;
  cacheDir?: string;
  verbose?: boolean;
  fix?: boolean;
  project: string[];
}

// Lines name files, refs and messages from the repository: shown printable, they cannot add lines or drive the terminal.
const stderrLine = (line: string) => process.stderr.write(printable(line) + '\n');
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

export async function main(argv: string[]): Promise<number> {
  // stdout carries only the report (one JSON document for tools); stray logging from libraries goes to stderr.
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  let code = EXIT_OK;
  const program = new Command('skew')
    .description('Upgrade-aware type checking: what breaks when the deployed version and this one run side by side')
    .version(SKEW_VERSION, '-V, --version', 'print the version of skew')
    .exitOverride()
    .configureOutput({
      outputError: (message) => stderrLine(`skew: ${oneLine(message.replace(/^error:\s*/, ''))}`),
    });
  program
    .command('check')
    .description('compare the working tree with the baseline (deployed) version')
    .option('--against <ref>', 'a live version: tag, branch, commit or tag glob; repeat for several (default: skew.json "baseline", tag `deployed`, newest version tag)', collect, [])
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .option('--cwd <dir>', 'project folder (default: the current folder)')
    .option('--project <path>', 'a project of a monorepo: its folder or tsconfig.json; repeat for several (default: the tsconfig references and package.json workspaces that declare contracts)', collect, [])
    .option('--cache-dir <dir>', 'where baseline models are cached (default: $SKEW_CACHE_DIR or ~/.cache/skew)')
    .option('--verbose', 'log what skew does to stderr')
    .option('--fix', 'apply the safe quick fixes to the files on disk, then report what is left')
    .option('--rollback', 'also fail when going back to the live versions after this one wrote persisted data is unsafe')
    .action(async (flags: CheckFlags) => {
      code = await runCheck(flags);
    });
  program
    .command('accept')
    .description('record a break as intended in skew.json "accepted": it no longer fails the check (until --until is released)')
    .argument('<finding>', 'the fingerprint or path of a finding, as skew check prints it')
    .requiredOption('--reason <text>', 'why shipping this break is fine')
    .option('--until <tag>', 'the acceptance ends once this release tag is cut from this history')
    .option('--against <ref>', 'a live version, as for check (repeatable)', collect, [])
    .option('--cwd <dir>', 'project folder (default: the current folder)')
    .option('--project <path>', 'one project of a monorepo (its folder or tsconfig.json), read with the rest of the repository')
    .option('--cache-dir <dir>', 'where baseline models are cached')
    .action(async (target: string, flags: AcceptFlags) => {
      code = await runAccept(target, flags);
    });
  program
    .command('can-i-deploy')
    .description('one line: can this version join the live versions? exit 0 in any order, 3 in one order, 1 needs two releases')
    .option('--to <ref>', 'a live version: tag, branch, commit or tag glob; repeat for several (default: as for check)', collect, [])
    .option('--cwd <dir>', 'project folder (default: the current folder)')
    .option('--project <path>', 'one project of a monorepo (its folder or tsconfig.json), read with the rest of the repository')
    .option('--cache-dir <dir>', 'where baseline models are cached')
    .action(async (flags: DeployFlags) => {
      code = await runCanIDeploy(flags);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    throw e;
  }
  return code;
}

async function runCheck(flags: CheckFlags): Promise<number> {
  const options = {
    cwd: flags.cwd ?? process.cwd(),
    against: flags.against,
    cacheDir: flags.cacheDir,
    log: flags.verbose || process.env.SKEW_DEBUG ? stderrLine : undefined,
  };
  const projects = await projectsToCheck(flags.project, options.cwd);
  if (projects && projects.length > 1 && flags.fix) throw new SkewError('bad-argument', `--fix fixes one project at a time: add --project DIR (found ${projects.map((p) => p.name).join(', ')})`);
  // --fix needs the compiler to edit sources; a plain check may not (see project/load-analysis.ts)
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for --fix, so a plain check does not pay for it
  const fixes = flags.fix ? (require('./project/apply-fixes') as typeof import('./project/apply-fixes')) : undefined;
  const checkOne = fixes ? fixes.checkAndFix : checkWithModels;
  if (projects) {
    const checkedProjects = await checkProjects(projects, options, checkOne);
    if (checkedProjects.length === 1) return reportCheck(checkedProjects[0]!.checked, flags, fixes);
    return reportProjects(checkedProjects, flags);
  }
  return reportCheck(await checkOne(options), flags, fixes);
}

/** Every project's report on stdout, what each says on stderr under its name; the worst project's exit code. */
async function reportProjects(checked: readonly ProjectChecked[], flags: CheckFlags): Promise<number> {
  let code = EXIT_OK;
  for (const { project, checked: one } of checked) {
    const { result } = one;
    const say = (line: string) => stderrLine(`${project.name}: ${line}`);
    say(result.window && result.window.length > 1 ? `Comparing against ${windowInWords(result.window)} — ${describeHow(result.baseline.how)}` : comparingLine(result.baseline));
    if (result.persistedRange?.length) say(`Persisted contracts must read data from ${result.persistedRange.length} version${result.persistedRange.length === 1 ? '' : 's'} (oldest ${result.persistedRange[0]!.ref})`);
    for (const p of result.problems) stderrLine(`skew: ${p.uncheckable ? 'error' : 'warning'}: ${path.posix.join(project.name, p.file)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${oneLine(p.message)}`);
    let rollbackUnsafe = false;
    if (flags.rollback) {
      const rollback = rollbackOf(result);
      rollbackUnsafe = !rollback.safe;
      if (flags.format !== 'text' || !result.persistedContracts?.length) process.stderr.write(rollbackLines(rollback).map((l) => printable(`${project.name}: ${l}`)).join('\n') + '\n');
    }
    code = Math.max(code, exitCodeOf(result, rollbackUnsafe));
  }
  process.stdout.write(await formatProjects(flags.format, checked.map((c) => ({ name: c.project.name, checked: c.checked })), { color: useColor() }));
  return code;
}

/** One project's report, as `skew check` has always printed it. */
async function reportCheck(checked: CheckedWithModels, flags: CheckFlags, fixes: typeof import('./project/apply-fixes') | undefined): Promise<number> {
  const fixed = fixes && 'changed' in checked ? (checked as FixReport) : undefined;
  const { result } = checked;
  stderrLine(result.window && result.window.length > 1 ? `Comparing against ${windowInWords(result.window)} — ${describeHow(result.baseline.how)}` : comparingLine(result.baseline));
  if (result.persistedRange?.length) stderrLine(`Persisted contracts must read data from ${result.persistedRange.length} version${result.persistedRange.length === 1 ? '' : 's'} (oldest ${result.persistedRange[0]!.ref})`);
  for (const p of result.problems) {
    const level = p.uncheckable ? 'error' : 'warning';
    stderrLine(`skew: ${level}: ${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${oneLine(p.message)}`);
  }
  // What --fix changed goes beside the report: to stderr unless stdout is the plain-text report for people.
  if (fixes && fixed) (flags.format === 'text' ? process.stdout : process.stderr).write(fixes.describeFixes(fixed));
  const out = await formatCheck(flags.format, checked, { color: useColor() });
  process.stdout.write(out);
  let rollbackUnsafe = false;
  if (flags.rollback) {
    const rollback = rollbackOf(result);
    rollbackUnsafe = !rollback.safe;
    // The text report has its own rollback section; the machine formats keep stdout one document.
    if (flags.format !== 'text' || !result.persistedContracts?.length) process.stderr.write(rollbackLines(rollback).map(printable).join('\n') + '\n');
  }
  return exitCodeOf(result, rollbackUnsafe);
}

function exitCodeOf(result: CheckResult, rollbackUnsafe: boolean): number {
  // A contract read only in part was not checked: that is never a pass, whatever the rest found.
  if (result.problems.some((p) => p.uncheckable)) return EXIT_ERROR;
  // Notices (a deprecated field's planned removal) are reported, not failed on.
  return result.findings.some((f) => f.severity !== 'info') || rollbackUnsafe ? EXIT_BREAKING : EXIT_OK;
}

interface DeployFlags {
  to: string[];
  cwd?: string;
  project?: string;
  cacheDir?: string;
}


async function runCanIDeploy(flags: DeployFlags): Promise<number> {
  const { result } = await checkWithModels({ ...(await oneProject(flags.project, flags.cwd ?? process.cwd())), against: flags.to, cacheDir: flags.cacheDir });
  const unchecked = result.problems.find((p) => p.uncheckable);
  if (unchecked) {
    stderrLine(`skew: cannot tell: ${unchecked.file} was not read in full (${oneLine(unchecked.message)})`);
    return EXIT_ERROR;
  }
  const verdict = deployVerdict(result);
  process.stdout.write(printable(verdict.line) + '\n');
  // The plan follows the verdict line only when one release cannot do it.
  if (verdict.verdict === 'two-releases') process.stdout.write(planLines(verdict.plan).map(printable).join('\n') + '\n');
  return verdict.verdict === 'any-order' ? EXIT_OK : verdict.verdict === 'two-releases' ? EXIT_BREAKING : EXIT_ORDERED;
}

interface AcceptFlags {
  reason: string;
  until?: string;
  against: string[];
  cwd?: string;
  project?: string;
  cacheDir?: string;
}

async function runAccept(target: string, flags: AcceptFlags): Promise<number> {
  const request = { target, reason: flags.reason, until: flags.until };
  // Before the check, so a missing reason costs nothing.
  validateRequest(request);
  const { result } = await checkWithModels({ ...(await oneProject(flags.project, flags.cwd ?? process.cwd())), against: flags.against, cacheDir: flags.cacheDir });
  const accepted = recordAccepted(result.root, request, [...result.findings, ...result.suppressed]);
  for (const f of accepted) {
    process.stdout.write(printable(`Accepted ${f.path} (${f.rule}, fingerprint ${f.fingerprint ?? ''})${flags.until ? ` until ${flags.until}` : ''} in skew.json`) + '\n');
  }
  return EXIT_OK;
}

/** e.g. "Comparing against deployed (v1.4.0, abc1234, 2024-05-01) — picked the tag `deployed`". */
function comparingLine(b: ResolvedBaseline): string {
  const details = [b.version, b.commit.slice(0, 7), b.date.slice(0, 10)].filter(Boolean).join(', ');
  return `Comparing against ${b.ref} (${details}) — ${describeHow(b.how)}`;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

export function reportCrash(e: unknown): number {
  if (isSkewError(e)) {
    stderrLine(`skew: ${e.message}`);
  } else {
    const message = e instanceof Error ? e.message : String(e);
    stderrLine(`skew: unexpected error: ${oneLine(message)}${process.env.SKEW_DEBUG ? '' : ' (run with SKEW_DEBUG=1 for details)'}`);
    if (process.env.SKEW_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
  }
  return EXIT_ERROR;
}

/** Runs the CLI with the process arguments and exits with its code once everything it printed is written out. */
export function run(): void {
  tolerateClosedReaders();
  main(process.argv.slice(2)).then(
    (code) => exitAfterOutput(code),
    (e: unknown) => exitAfterOutput(reportCrash(e)),
  );
}

// Started directly (node dist/cli.js, tsx); the `bin/skew.js` wrapper calls `run` itself.
if (require.main === module) run();
