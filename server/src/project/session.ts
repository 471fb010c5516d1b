import type { ts } from '@ts-morph/common';
import { baselineCacheKey, cacheDirectory, ModelCache, stableJson } from './baseline-model-cache';
import { CatFile } from '../baseline/cat-file';
import { repoInfo, type RepoInfo } from '../baseline/git';
import { GitTree } from '../baseline/git-tree';
import { sameBlobIn } from '../baseline/same-blob';
import type { AgainstFrom, ResolvedBaseline } from '../baseline/resolve-baseline';
import { resolvePersistedRange, resolveWindow } from '../baseline/resolve-window';
import { isOutsideGit, isSourceFile } from '../baseline/tree-paths';
import { WorkingTree } from '../baseline/working-tree';
import { diskView, recordInputs } from '../cache/recorded-inputs';
import type { ExtractResult, Seed } from '../contracts/extractor';
import type { createExtractor } from './analysis';
import { discover } from '../contracts/discover';
import type { SkewConfig, SourceTree } from '../common/source';
import { CompareMemos } from '../engine/compare-memo';
import { compareModelSteps, isRuleId, type Comparison } from '../rules';
import { runSliced } from '../common/steps';
import type { ModelPair, WireModel } from '../engine/shape';
import { baselineList, loadConfig } from './config';
import { applyAccepted } from './accepted';
import { noticeDeprecatedRemovals } from './deprecation';
import { isBreaking } from '../report/live-versions';
import { mergeWindow, persistedMatcher, type WindowComparison } from './merge-window';
import { SkewError, type SourceProblem } from '../common/errors';
import { ComparisonCache } from './comparison-cache';
import { CompilerOptionsCache } from './compiler-options-cache';
import { loadAnalysis } from './load-analysis';
import { findProjectRoot } from './project-root';
import { workspaceReach } from './workspace-reach';
import { WorkingModelCache } from './working-model-cache';
import type { CheckResult, CheckSummary } from '../report/check-result';

export type { CheckResult, CheckSummary };

type Extractor = ReturnType<typeof createExtractor>;

export interface CheckOptions {
  /**
   * The caller watches source files on disk and saw no change since the last check: the file listing and the
   * file texts read then are reused (an editor's keystroke changes only an overlay).
   */
  diskUnchanged?: boolean;
}

export interface SessionDeps {
  createExtractor: typeof createExtractor;
}

export interface SessionOptions {
  cwd?: string;
  /** Tags, branches, commits or tag globs (the live window); override skew.json and the default tag. */
  against?: string | readonly string[];
  /** Whether `against` came from the CLI flag or the editor setting, so messages name the right one. */
  againstFrom?: AgainstFrom;
  cacheDir?: string;
  log?: (line: string) => void;
  /** Called (and awaited) before the baseline is extracted, i.e. when it is not in the cache: a moment to show progress. */
  onExtractBaseline?: (baseline: ResolvedBaseline) => Promise<void> | void;
  /** For tests: observe or replace the extractor. */
  deps?: Partial<SessionDeps>;
  /**
   * Monorepos: the workspace root above the project, whose files (sibling packages) the project's program may
   * read, at the baseline's commit for the baseline (see project/check-projects.ts).
   */
  workspaceRoot?: string;
}

/**
 * One project checked against one baseline, kept open between checks: the CLI checks once, the language
 * server on every edit. The baseline model is built once (or read from the cache); the working-tree
 * extractor is reused so unchanged files are not parsed again.
 */
export class ProjectSession {
  /** How many times a baseline was extracted (not read from the cache) in this session. */
  baselineExtractions = 0;
  /** Each baseline commit's model, read once however many refs of the window name it. */
  private readonly baselineModels = new Map<string, BaselineEntry>();
  private workingModel: WireModel | undefined;
  private extractor: Extractor | undefined;
  private readonly compareMemos = new CompareMemos();
  private baselineSeed: Seed | undefined;
  /** The last baseline extraction's, while the window's models are read. */
  private windowSeed: Seed | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly root: string,
    readonly repo: RepoInfo,
    readonly config: SkewConfig,
    private readonly configText: string | undefined,
    /** tsconfig.json as read with the compiler options, for the cache keys. */
    private readonly tsconfigText: string | undefined,
    private readonly compilerOptions: ts.CompilerOptions,
    private readonly working: WorkingTree,
    private readonly cache: ModelCache,
    private readonly catFile: CatFile,
    private readonly options: SessionOptions,
    private readonly deps: SessionDeps,
    /** Monorepos: the workspace above the project, on disk and in the repository (see SessionOptions). */
    private readonly outer: { root: string; prefix: string } | undefined,
    /** Every live version, the first one foremost (the editor's baseline documents, fixes and hovers use it). */
    public window: ResolvedBaseline[],
    /** Versions whose persisted data this one must still read (skew.json `persisted`), oldest first. */
    public persistedRange: ResolvedBaseline[],
  ) {}

  /** The foremost live version. */
  get baseline(): ResolvedBaseline {
    return this.window[0]!;
  }

  static async open(options: SessionOptions = {}): Promise<ProjectSession> {
    const root = findProjectRoot(options.cwd ?? process.cwd());
    const { config, raw } = loadConfig(root);
    // git answers while the working tree is listed and the compiler loads on a cold run (the options below may
    // need it): resolving a version takes a few git runs one after the other, and each waits for the event loop.
    const versions = resolveVersions(root, options, config);
    versions.catch(() => undefined);
    const repo = await repoInfo(root);
    // monorepo: begin
    const outer = await workspaceReach(root, options.workspaceRoot);
    // monorepo: end
    const working = await WorkingTree.open(root, undefined, repo.top, outer?.root);
    const cache = new ModelCache(cacheDirectory(options.cacheDir));
    const compiler = new CompilerOptionsCache(cache.dir).get(working, () => loadAnalysis().readCompilerOptions(working));
    const tsconfigText = working.readFile('tsconfig.json');
    if ('error' in compiler) throw new SkewError('bad-tsconfig', `${compiler.error} Fix tsconfig.json and run skew again.`);
    const { window, persistedRange } = await versions;
    const deps: SessionDeps = { createExtractor: (...args) => loadAnalysis().createExtractor(...args), ...options.deps };
    const catFile = new CatFile(repo.top);
    const session = new ProjectSession(root, repo, config, raw, tsconfigText, compiler.options, working, cache, catFile, options, deps, outer, window, persistedRange);
    try {
      await session.loadBaselines();
    } catch (e) {
      session.dispose();
      throw e;
    }
    return session;
  }

  /** Compares the working tree (plus unsaved buffers) with the baseline. Checks run one at a time. */
  check(overlays?: ReadonlyMap<string, string>, options: CheckOptions = {}): Promise<CheckResult> {
    const run = this.queue.then(() => this.runCheck(overlays, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves the window again (a tag may have moved or appeared); true when it now names other commits. */
  refreshBaseline(): Promise<boolean> {
    const run = this.queue.then(async () => {
      const next = await resolveVersions(this.root, this.options, this.config);
      const names = (w: readonly ResolvedBaseline[]) => w.map((b) => `${b.ref}\0${b.commit}`).join('\n');
      if (names(next.window) === names(this.window) && names(next.persistedRange) === names(this.persistedRange)) return false;
      const previous = { window: this.window, persistedRange: this.persistedRange };
      this.window = next.window;
      this.persistedRange = next.persistedRange;
      try {
        await this.loadBaselines();
      } catch (e) {
        this.window = previous.window;
        this.persistedRange = previous.persistedRange;
        throw e;
      }
      return true;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Both wire models of the last successful check (the report builds witnesses from them); undefined before one. */
  get models(): ModelPair | undefined {
    const baseline = this.baselineModels.get(this.baseline.commit)?.model;
    return baseline && this.workingModel ? { baseline, working: this.workingModel } : undefined;
  }

  /** Every baseline commit's model, by commit. */
  baselineModelsByCommit(): Map<string, WireModel> {
    return new Map([...this.baselineModels].map(([commit, e]) => [commit, e.model]));
  }

  /** The wire model of one baseline commit of the window; undefined for a commit outside it. */
  modelAt(commit: string): WireModel | undefined {
    return this.baselineModels.get(commit)?.model;
  }

  /**
   * A file's text at a commit, `file` relative to the project root; undefined when the commit does not have it.
   * Read through the session's cat-file process, so editor requests start no git process of their own.
   */
  async readFileAt(commit: string, file: string): Promise<string | undefined> {
    const content = await this.catFile.readAt(commit, this.repo.prefix + file);
    return content?.toString('utf8');
  }

  dispose(): void {
    this.catFile.dispose();
  }

  private async runCheck(overlays: ReadonlyMap<string, string> | undefined, options: CheckOptions): Promise<CheckResult> {
    await this.working.refresh(overlays, { relist: !options.diskUnchanged });
    const { result, cacheId } = await this.extractWorking();
    const { model, files, problems } = result;
    const { syntax, other } = splitProblems(this.working, problems);
    if (syntax.length) {
      throw new SkewError('working-parse', `${describeProblem(syntax[0]!)} (fix the syntax error and run skew again)`, syntax);
    }
    this.workingModel = model;
    const entries: WindowComparison[] = [];
    const compared = new Map<string, Comparison>();
    const contracts = new Set(Object.keys(model.contracts));
    for (const [baseline, persisted] of [...this.window.map((b) => [b, false] as const), ...this.persistedRange.map((b) => [b, true] as const)]) {
      const entry = this.baselineModels.get(baseline.commit)!;
      let comparison = compared.get(baseline.commit);
      if (!comparison) {
        comparison = await this.compare(entry.model, model, cacheId, entry.id);
        compared.set(baseline.commit, comparison);
        if (!persisted) for (const name of Object.keys(entry.model.contracts)) contracts.add(name);
      }
      entries.push({ baseline, persisted, comparison });
    }
    const isPersisted = persistedMatcher(this.config.persisted, [model, ...[...this.baselineModels.values()].map((e) => e.model)]);
    const merged = mergeWindow(entries, isPersisted);
    const noticed = noticeDeprecatedRemovals(merged.findings, this.window, (commit) => this.baselineModels.get(commit)?.model);
    const { findings, suppressed } = await applyAccepted(this.root, this.config.accepted, this.window, noticed, merged.suppressed);
    const changed = [...merged.changed];
    const skipped = this.baselineModels.get(this.baseline.commit)?.skipped ?? new Map<string, string>();
    return {
      root: this.root,
      baseline: this.baseline,
      window: this.window,
      persistedRange: this.persistedRange,
      persistedContracts: [...contracts].filter(isPersisted).sort(),
      findings,
      suppressed,
      problems: [...skippedProblems(this.working.skipped, skipped, this.baseline.ref), ...other],
      files,
      summary: {
        contracts: contracts.size,
        changed: changed.length,
        breaking: findings.filter(isBreaking).length,
        suppressed: suppressed.length,
      },
    };
  }

  /**
   * Two models that both have a cache entry were compared before if their entries' ids were: the comparison
   * is then read rather than made (a warm `skew check`). Otherwise compare, through the memo an editing
   * session keeps between checks.
   */
  private async compare(oldModel: WireModel, newModel: WireModel, workingCacheId: string | undefined, baselineId: string | undefined): Promise<Comparison> {
    const options = { ignore: this.config.ignore, memo: this.compareMemos.for(oldModel) };
    // In slices: the language server answers hovers and edits while a big comparison runs.
    const compareModels = () => runSliced(compareModelSteps(oldModel, newModel, options));
    if (!workingCacheId || !baselineId) return compareModels();
    const cache = new ComparisonCache(this.cache.dir);
    const key = ComparisonCache.key({ baseline: baselineId, working: workingCacheId, options: JSON.stringify(this.config.ignore ?? []) });
    const cached = cache.read(key);
    // Entries carry the build that made them, so their rule ids are ours; checked anyway, as the type promises it.
    if (cached && [...cached.findings, ...cached.suppressed].every((f) => isRuleId(f.rule))) {
      this.log('Comparison reused: neither model changed since it was made');
      return cached as Comparison;
    }
    const comparison = await compareModels();
    cache.write(key, comparison);
    return comparison;
  }

  /**
   * The first check of a session may reuse the previous run's model from disk (nothing it was built from
   * changed); later checks go through the extractor, which keeps its program between edits. `cacheId` names
   * the model's cache entry when it has one.
   */
  private async extractWorking(): Promise<{ result: ExtractResult; cacheId?: string }> {
    if (this.extractor) {
      this.extractor.update(this.working);
      return { result: await this.extractor.extractSliced() };
    }
    const cache = new WorkingModelCache(this.cache.dir);
    const key = WorkingModelCache.key({
      root: this.root,
      config: this.configText,
      tsconfig: this.tsconfigText,
      compilerOptions: stableJson(this.compilerOptions),
      listing: this.working.listFiles(),
      roots: discover(this.working, this.config).roots,
      reach: this.outer?.root,
    });
    const cached = cache.read(key, this.working);
    if (cached) {
      this.baselineSeed = undefined;
      this.log('Working-tree model reused: none of its files changed since the last run');
      return { result: cached.result, cacheId: cached.id };
    }
    // Listed source files are in the key and loaded ones are hashed with the result; everything else the build
    // looks at (installed packages, package.json files) is recorded for this first extraction.
    const recorded = recordInputs(this.working, (rel) => isOutsideGit(rel) || !isSourceFile(rel));
    this.extractor = this.deps.createExtractor(recorded.tree, this.config, this.compilerOptions, this.baselineSeed);
    this.baselineSeed = undefined;
    const result = await this.extractor.extractSliced();
    return { result, cacheId: cache.write(key, this.working, result, recorded.inputs) };
  }

  /** Reads the model of every commit of the window not read yet; models of commits it no longer names go. */
  private async loadBaselines(): Promise<void> {
    const wanted = [...this.window, ...this.persistedRange];
    const commits = new Set(wanted.map((b) => b.commit));
    for (const commit of [...this.baselineModels.keys()]) if (!commits.has(commit)) this.baselineModels.delete(commit);
    try {
      for (const b of wanted) {
        if (!this.baselineModels.has(b.commit)) this.baselineModels.set(b.commit, await this.loadBaseline(b));
      }
    } finally {
      this.windowSeed = undefined;
    }
  }

  private async loadBaseline(baseline: ResolvedBaseline): Promise<BaselineEntry> {
    const { commit, ref } = baseline;
    const key = baselineCacheKey({
      commit,
      config: this.configText,
      tsconfig: this.tsconfigText,
      compilerOptions: this.compilerOptions,
      reach: this.outer?.root,
    });
    const cached = this.cache.readEntry(key, diskView(this.root, this.outer?.root));
    if (cached) {
      this.log(`Baseline model read from the cache (${this.cache.fileFor(key)}) for ${ref}`);
      return { model: cached.model, id: cached.id, skipped: new Map() };
    }
    await this.options.onExtractBaseline?.(baseline);
    const started = Date.now();
    const gitTree = await GitTree.open({
      repoTop: this.repo.top,
      prefix: this.repo.prefix,
      commit,
      diskRoot: this.root,
      label: `${ref} (${commit.slice(0, 7)})`,
      catFile: this.catFile,
      outer: this.outer,
      // Files the working tree has byte for byte are taken from it instead of streamed out of git.
      sameBlob: sameBlobIn(this.working),
    });
    // The commit fixes every file but installed packages, which are read from the disk: what the build saw of
    // them decides whether this entry still holds on a later run.
    const { tree, inputs } = recordInputs(gitTree, isOutsideGit);
    this.baselineExtractions++;
    // Live versions share most files: each extraction takes the entries of the files the previous one read.
    const extractor = this.deps.createExtractor(tree, this.config, this.compilerOptions, this.windowSeed);
    const { model, problems } = await extractor.extractSliced();
    // The working tree's first extraction takes the entries of every file it shares with the baseline.
    if (!this.extractor && !this.baselineSeed) this.baselineSeed = extractor.seed();
    this.windowSeed = extractor.seed();
    const { syntax, other } = splitProblems(tree, problems);
    if (syntax.length) {
      throw new SkewError(
        'baseline-parse',
        `the baseline ${ref} (${commit.slice(0, 7)}) does not parse: ${describeProblem(syntax[0]!)} (${this.options.againstFrom === 'setting' ? 'set skew.baseline to another ref' : 'compare against another ref with --against REF'})`,
        syntax,
      );
    }
    // A baseline read only in part cannot vouch for anything; it is not cached either.
    const unchecked = other.find((p) => p.uncheckable);
    if (unchecked) {
      throw new SkewError(
        'baseline-uncheckable',
        `the baseline ${ref} (${commit.slice(0, 7)}) could not be read in full: ${describeProblem(unchecked)} (simplify that type, or compare against another ref with --against REF)`,
        [unchecked],
      );
    }
    for (const p of other) this.log(`Baseline ${ref}: ${describeProblem(p)}`);
    this.log(`Baseline model extracted in ${Date.now() - started} ms for ${ref}`);
    let id: string | undefined;
    try {
      this.cache.write(key, model, inputs);
      id = ModelCache.id(key, inputs);
    } catch (e) {
      this.log(`Could not write the baseline cache in ${this.cache.dir}: ${(e as Error).message}`);
    }
    return { model, id, skipped: gitTree.skipped };
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

interface BaselineEntry {
  model: WireModel;
  /** The model's cache entry id: with the working model's, it names their comparison. */
  id: string | undefined;
  /** What its extraction did not read, and why (nothing when read from the cache). */
  skipped: ReadonlyMap<string, string>;
}

/** The live window and the persisted range, as the options and skew.json name them. */
async function resolveVersions(root: string, options: SessionOptions, config: SkewConfig): Promise<{ window: ResolvedBaseline[]; persistedRange: ResolvedBaseline[] }> {
  const against = typeof options.against === 'string' ? [options.against] : options.against;
  const window = await resolveWindow(root, { against, againstFrom: options.againstFrom, configBaseline: baselineList(config) });
  const persistedRange = config.persisted ? await resolvePersistedRange(root, config.persisted.since) : [];
  return { window, persistedRange };
}

/** Opens a session, checks once and closes it: what the CLI does. */
export async function checkProject(options: SessionOptions & { overlays?: ReadonlyMap<string, string> } = {}): Promise<CheckResult> {
  const session = await ProjectSession.open(options);
  try {
    // one check right after opening: the file listing open() read is the one to use
    return await session.check(options.overlays, { diskUnchanged: true });
  } finally {
    session.dispose();
  }
}

/** Problems are rare; telling syntax errors apart parses their files, so the compiler loads only then. */
function splitProblems(tree: SourceTree, problems: readonly SourceProblem[]): { syntax: SourceProblem[]; other: SourceProblem[] } {
  return problems.length ? loadAnalysis().splitProblems(tree, problems) : { syntax: [], other: [] };
}

/**
 * Files a version did not read (a symlink leading out of the repository, a device, a file over the size cap),
 * as warnings: what is not read is not checked, and must not pass silently. A baseline read from the cache
 * lists none, but a skipped path is nearly always skipped in the working tree as well.
 */
function skippedProblems(working: ReadonlyMap<string, string>, baseline: ReadonlyMap<string, string>, ref: string): SourceProblem[] {
  const versions = new Map<string, { reason: string; where: string[] }>();
  for (const [skipped, where] of [
    [working, 'the working tree'],
    [baseline, ref],
  ] as const) {
    for (const [file, reason] of skipped) {
      const entry = versions.get(file) ?? { reason, where: [] };
      entry.where.push(where);
      versions.set(file, entry);
    }
  }
  const start = { line: 0, character: 0 };
  return [...versions]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, { reason, where }]) => ({ file, range: { start, end: start }, message: `skipped in ${where.join(' and in ')}: ${reason}` }));
}

function describeProblem(p: SourceProblem): string {
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`;
}
