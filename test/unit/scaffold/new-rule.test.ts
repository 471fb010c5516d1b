import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(REPO, 'scripts', 'new-rule.mjs');

/** A copy of what the scaffold reads and writes, so the test never touches the repository. */
describe('npm run new-rule', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-new-rule-'));
    fs.cpSync(path.join(REPO, 'server', 'src'), path.join(root, 'server', 'src'), { recursive: true });
    fs.cpSync(path.join(REPO, 'docs', 'rules'), path.join(root, 'docs', 'rules'), { recursive: true });
    fs.mkdirSync(path.join(root, 'test', 'fixtures'), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
    fs.copyFileSync(path.join(REPO, 'package.json'), path.join(root, 'package.json'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates one rule module, one doc page and one fixture, and registers the rule', async () => {
    const out = execFileSync(process.execPath, [SCRIPT, '--root', root, 'field-default-changed'], { encoding: 'utf8' });
    assert.match(out, /Created the rule field-default-changed/);
    const doc = fs.readFileSync(path.join(root, 'docs/rules/field-default-changed.md'), 'utf8');
    const headings = doc.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, ['## What', '## Why it breaks', '## Example', '## How to fix', '## Related rules']);
    assert.match(fs.readFileSync(path.join(root, 'docs/rules/README.md'), 'utf8'), /\[field-default-changed\]\(field-default-changed\.md\)/);
    for (const part of ['old/messages.ts', 'new/messages.ts', 'expected.json']) {
      assert.ok(fs.existsSync(path.join(root, 'test/fixtures/field-default-changed', part)), part);
    }
    // The registry really loads it: the new id is among the rules, with the template's meta.
    const registry = (await import(path.join(root, 'server/src/rules/index.ts'))) as typeof import('../../../server/src/rules');
    const rule = registry.ruleById('field-default-changed');
    assert.ok(rule, 'the new rule is not registered');
    assert.deepEqual(rule.meta.fixes, []);
  });

  it('refuses an id that exists, or is not kebab-case, and writes nothing', () => {
    const before = fs.readFileSync(path.join(root, 'server/src/rules/index.ts'), 'utf8');
    for (const id of ['field-removed', 'Field_Removed', '']) {
      const run = spawnSync(process.execPath, [SCRIPT, '--root', root, ...(id ? [id] : [])], { encoding: 'utf8' });
      assert.equal(run.status, 2, id);
      assert.match(run.stderr, /^new-rule: /);
    }
    assert.equal(fs.readFileSync(path.join(root, 'server/src/rules/index.ts'), 'utf8'), before);
  });
});
