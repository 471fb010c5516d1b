import * as path from 'node:path';
import { parseFile } from '../../../server/src/contracts/parsed-file';
import { projectErrors, syntaxErrors } from './compile-errors';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options';
import { createExtractor } from '../../../server/src/contracts/extractor';
import { compareModels, type Comparison } from '../../../server/src/rules';
import type { Finding } from '../../../server/src/rules';
import type { WireModel } from '../../../server/src/engine/shape';
import type { Fix, FixInput } from '../../../server/src/fixes';
import { applyEdits } from '../../../server/src/fixes/text-edits';
import { rules } from '../../../server/src/rules';
import { FIXTURES, fixtureTree, readFolder } from '../rules/fixture-loader';
import { formatProblems } from './format-check';

export type Files = Record<string, string>;

/**
 * The new side rewritten in another house style: tabs, double quotes, no semicolons. The baseline keeps
 * its own style, so text a fix copies from it must be re-styled to fit.
 */
export function restyle(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const lead = /^ */.exec(line)![0];
      let body = line.slice(lead.length);
      if (!body.startsWith('*') && !body.startsWith('//')) body = body.replace(/'/g, '"').replace(/;(\s*)$/, '$1');
      return '\t'.repeat(Math.floor(lead.length / 2)) + (lead.length % 2 ? ' ' : '') + body;
    })
    .join('\n');
}


export function extract(files: Files, label: string): { model: WireModel; problems: string[] } {
  const tree = fixtureTree(files, label);
  const compiler = readCompilerOptions(tree);
  if ('error' in compiler) throw new Error(compiler.error);
  const { model, problems } = createExtractor(tree, {}, compiler.options).extract();
  return { model, problems: problems.map((p) => `${p.file}:${p.range.start.line + 1}: ${p.message}`) };
}

export interface Pair {
  name: string;
  old: Files;
  new: Files;
  oldModel: WireModel;
  newModel: WireModel;
  comparison: Comparison;
  input: FixInput;
}

export function loadPair(name: string, oldFiles: Files, newFiles: Files): Pair {
  const oldModel = extract(oldFiles, `${name} (old)`).model;
  const newModel = extract(newFiles, `${name} (new)`).model;
  const comparison = compareModels(oldModel, newModel, { rules });
  return {
    name,
    old: oldFiles,
    new: newFiles,
    oldModel,
    newModel,
    comparison,
    input: {
      newText: (f) => newFiles[f],
      oldText: (f) => oldFiles[f],
      baselineLabel: 'v1.4.0',
      models: { baseline: oldModel, working: newModel },
    },
  };
}

export const fixturePair = (name: string, restyle?: (text: string) => string): Pair => {
  const newFiles = readFolder(path.join(FIXTURES, name, 'new'));
  if (restyle) for (const [f, text] of Object.entries(newFiles)) newFiles[f] = restyle(text);
  return loadPair(name, readFolder(path.join(FIXTURES, name, 'old')), newFiles);
};

/** The reason a test types where a suppression snippet puts the cursor. */
export const TYPED_REASON = 'only the new checkout service sends this';

/** The working tree after a set of edits, with any snippet cursor replaced by what a user would type. */
export function applyFixEdits(files: Files, edits: Fix['edits'], snippet = false): Files {
  const out = { ...files };
  const byFile = new Map<string, Fix['edits']>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    if (out[file] === undefined) throw new Error(`fix edits ${file}, which the working tree does not have`);
    out[file] = applyEdits(out[file], snippet ? list.map((e) => ({ ...e, newText: e.newText.replace('$0', TYPED_REASON) })) : list);
  }
  return out;
}

const key = (f: Finding) => `${f.rule}|${f.path}`;

/** Errors in `after` that `before` does not have (as a multiset of messages). */
function newErrors(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((e) => {
    const i = left.indexOf(e);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** Every guarantee a fix gives, as a list of broken ones (empty when it keeps them all). */
export function checkFix(pair: Pair, finding: Finding, fix: Fix): string[] {
  const problems: string[] = [];
  const after = applyFixEdits(pair.new, fix.edits, fix.snippet);
  const touched = [...new Set(fix.edits.map((e) => e.file))];
  for (const file of touched) {
    const [before, fixed] = [pair.new[file], after[file]];
    if (before === undefined || fixed === undefined) throw new Error(`fix edits ${file}, which the working tree does not have`);
    problems.push(...syntaxErrors(parseFile(file, fixed)).map((e) => `does not parse: ${e}`));
    problems.push(...formatProblems(before, fixed).map((p) => `${file}: ${p}`));
  }
  if (problems.length) return problems;
  const extracted = extract(after, `${pair.name} (fixed)`);
  problems.push(...extracted.problems.map((p) => `extraction problem: ${p}`));
  const result = compareModels(pair.oldModel, extracted.model, { rules });
  const still = result.findings.find((f) => key(f) === key(finding));
  if (still) problems.push(`still reported: ${still.rule} ${still.path}: ${still.message}`);
  if (fix.snippet && fix.rule !== 'suppression-missing-reason') {
    const silenced = result.suppressed.find((f) => key(f) === key(finding));
    if (!silenced) problems.push('the suppression does not silence the finding');
    else if (silenced.suppressed?.reason !== TYPED_REASON) problems.push(`silenced with another reason: ${silenced.suppressed?.reason}`);
  }
  problems.push(...newErrors(projectErrors(pair.new), projectErrors(after)).map((e) => `new TypeScript error: ${e}`));
  return problems;
}
