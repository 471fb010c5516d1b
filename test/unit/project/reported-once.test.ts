import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { WireModel } from '../../../server/src/engine/shape';
import { reportedOnce, type ProjectChecked } from '../../../server/src/project/check-projects';
import type { CheckResult } from '../../../server/src/report/check-result';
import type { Finding } from '../../../server/src/rules';

const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'skew-owner-')));
after(() => fs.rmSync(top, { recursive: true, force: true }));
for (const rel of ['app/src/shared', 'app/nested/src', 'other/src', 'lib/src']) fs.mkdirSync(path.join(top, rel), { recursive: true });
for (const rel of ['app/nested/src/a.ts', 'app/src/b.ts', 'lib/src/c.ts']) fs.writeFileSync(path.join(top, rel), '');
// app/src/shared links into lib, which is no checked project's folder.
fs.symlinkSync(path.join(top, 'lib/src'), path.join(top, 'app/src/shared/lib'));
fs.symlinkSync(path.join(top, 'lib/src'), path.join(top, 'other/src/lib'));

const finding = (contract: string): Finding =>
  ({ rule: 'type-changed', contract, contractKind: 'message', path: `${contract}.x`, steps: [], flow: 'request', breaks: ['old-to-new'], order: 'none', severity: 'error', message: '' }) as unknown as Finding;

/** A project at `dir` that found one breaking finding per contract, each contract declared in the file given. */
function project(dir: string, contracts: Record<string, string>): ProjectChecked {
  const model = { contracts: Object.fromEntries(Object.entries(contracts).map(([name, file]) => [name, { name, kind: 'message', source: 'jsdoc', loc: { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } }])), types: {} } as unknown as WireModel;
  const findings = Object.keys(contracts).map(finding);
  const result = { root: path.join(top, dir), findings, suppressed: [], problems: [], files: [], summary: { contracts: findings.length, changed: findings.length, breaking: findings.length, suppressed: 0 } } as unknown as CheckResult;
  return { project: { dir: path.join(top, dir), name: dir }, checked: { result, models: { baseline: model, working: model } } };
}

const reported = (checked: ProjectChecked[]) => reportedOnce(checked).map((c) => [c.project.name, c.checked.result.findings.map((f) => f.contract), c.checked.result.summary.breaking]);

describe('reportedOnce: a contract two projects read is reported by one', () => {
  it('by the deepest checked project whose folder holds the file', () => {
    const app = project('app', { A: 'nested/src/a.ts', B: 'src/b.ts' });
    const nested = project('app/nested', { A: 'src/a.ts' });
    assert.deepEqual(reported([app, nested]), [['app', ['B'], 1], ['app/nested', ['A'], 1]]);
  });

  it('by the first project that found it when no checked project holds the file (links into a shared folder)', () => {
    const app = project('app', { C: 'src/shared/lib/c.ts' });
    const other = project('other', { C: 'src/lib/c.ts' });
    assert.deepEqual(reported([app, other]), [['app', ['C'], 1], ['other', [], 0]]);
  });

  it('leaves projects that share nothing as they are', () => {
    const app = project('app', { B: 'src/b.ts' });
    const other = project('other', { D: 'src/d.ts' });
    const [a, o] = reportedOnce([app, other]);
    assert.equal(a, app);
    assert.equal(o, other);
  });
});
