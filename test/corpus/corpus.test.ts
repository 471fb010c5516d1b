import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkWithModels } from '../../server/src/project/check-once';
import { ruleById } from '../../server/src/rules';
import { witnessFor } from '../../server/src/witness/witness-for';
import { TempRepo, TSCONFIG } from '../cli/temp-repo';
import { checkWitness } from '../unit/witness/sides';

/**
 * Real protocol histories nobody here wrote: published versions of one package, each compared with the next
 * (and back, as a rollback would), every export a message. The expected findings were checked by hand against
 * the packages' diffs (see README.md beside this file); version-vs-itself must be silent. Set
 * SKEW_CORPUS_UPDATE=1 to rewrite the expected files after a deliberate change of verdicts, then review the diff.
 */
const NODE_MODULES = path.resolve(__dirname, '..', '..', 'node_modules');
const EXPECTED = path.join(__dirname, 'expected');

interface History {
  name: string;
  /** Package folder in node_modules (pinned devDependency aliases) per version. */
  versions: Record<string, string>;
  /** The file every export of which is a message. */
  file: string;
  pairs: [string, string][];
}

const HISTORIES: History[] = [
  {
    name: 'octokit-webhooks-types',
    versions: { '7.3.2': 'webhooks-types-7.3.2', '7.4.0': 'webhooks-types-7.4.0', '7.6.1': 'webhooks-types-7.6.1' },
    file: 'schema.d.ts',
    pairs: [
      ['7.3.2', '7.4.0'],
      ['7.4.0', '7.6.1'],
      ['7.6.1', '7.4.0'],
    ],
  },
  {
    name: 'vscode-languageserver-types',
    versions: { '3.16.0': 'lsp-types-3.16.0', '3.17.0': 'lsp-types-3.17.0', '3.17.5': 'lsp-types-3.17.5' },
    file: 'lib/umd/main.d.ts',
    pairs: [
      ['3.16.0', '3.17.0'],
      ['3.17.0', '3.17.5'],
    ],
  },
];

type Verdict = string;

/** Error-level findings without an honest witness (a value one side writes and the other cannot read), and why. */
const unwitnessed: string[] = [];

/** `from -> to rule path` → the message, for the findings that stand for several changes at once. */
const messages = new Map<string, string>();

/**
 * One finding per changed union must lose no variant: each merged finding of the corpus names every variant the
 * per-variant findings it replaced did (checked by hand against the diffs, see README.md).
 */
const MERGED: Record<string, string[]> = {
  '7.3.2 -> 7.4.0 union-variant-added Schema': [
    'BranchProtectionConfigurationDisabledEvent',
    'BranchProtectionConfigurationEnabledEvent',
    'CustomPropertyCreatedEvent',
    'CustomPropertyDeletedEvent',
    'CustomPropertyValuesUpdatedEvent',
  ],
  '7.3.2 -> 7.4.0 union-variant-added WebhookEventName': ['"branch_protection_configuration"', '"custom_property"', '"custom_property_values"'],
};

async function verdicts(history: History, from: string, to: string, repo: TempRepo): Promise<Verdict[]> {
  const text = (version: string) => fs.readFileSync(path.join(NODE_MODULES, history.versions[version] ?? '', history.file), 'utf8');
  repo.write({ 'schema.ts': text(from) });
  repo.commit(from);
  repo.tag(`v${from}`);
  repo.write({ 'schema.ts': text(to) });
  const { result, models } = await checkWithModels({ cwd: repo.dir, against: `v${from}`, cacheDir: repo.cacheDir });
  for (const f of result.findings) {
    if (f.severity !== 'error' || ruleById(f.rule)?.meta.noWitness || !models) continue;
    const witness = witnessFor(f, models.baseline, models.working);
    const wrong = 'none' in witness ? witness.none : checkWitness(f, witness, models.baseline, models.working);
    if (wrong) unwitnessed.push(`${from} -> ${to}: ${f.rule} ${f.path}: ${wrong}`);
  }
  for (const f of result.findings) messages.set(`${from} -> ${to} ${f.rule} ${f.path}`, f.message);
  return result.findings.map((f) => `${f.rule} ${f.path} ${f.breaks.join(',')}`).sort();
}

for (const history of HISTORIES) {
  describe(`corpus: ${history.name}`, () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'skew.json': JSON.stringify({ messages: ['schema.ts'] }) });
    after(() => repo.dispose());

    for (const version of Object.keys(history.versions)) {
      it(`${version} against itself: nothing`, async () => {
        assert.deepEqual(await verdicts(history, version, version, repo), []);
      });
    }

    for (const [from, to] of history.pairs) {
      it(`${from} -> ${to}: the hand-checked findings, no more, no fewer`, async () => {
        const got = await verdicts(history, from, to, repo);
        const file = path.join(EXPECTED, `${history.name}-${from}-to-${to}.json`);
        if (process.env.SKEW_CORPUS_UPDATE) fs.writeFileSync(file, JSON.stringify(got, null, 2) + '\n');
        const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as Verdict[];
        assert.deepEqual(got, expected);
      });
    }

    it('no witness, no error: every error-level finding above has a value one side writes and the other cannot read', () => {
      assert.deepEqual(unwitnessed, []);
    });

    it('a finding per changed union names every variant that changed', () => {
      for (const [key, variants] of Object.entries(MERGED)) {
        if (!history.pairs.some(([from, to]) => key.startsWith(`${from} -> ${to} `))) continue;
        const message = messages.get(key) ?? '';
        const listed = message.slice(0, message.search(/ (is|are) (a )?new possible values?| (is|are) no longer accepted/));
        assert.deepEqual(listed.match(/`[^`]+`/g)?.map((name) => name.slice(1, -1)).sort(), [...variants].sort(), `${key}: ${message}`);
      }
    });
  });
}
