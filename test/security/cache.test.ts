// The cache may only ever cost speed: whatever happened to it (a dependency updated under it, an entry edited,
// truncated, replaced by a device or a bomb), a warm run gives the verdict a cold run gives, and it keeps what it
// writes private to the user.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkProject } from '../../server/src/project/session';
import { TempRepo, TSCONFIG } from '../cli/temp-repo';

const MESSAGES = "import type { Money } from 'some-pkg';\n/** @wire */\nexport interface OrderCreated {\n  id: string;\n  total: Money;\n}\n";
const MONEY = (type: string) => `export interface Money {\n  amount: ${type};\n}\n`;

/** The findings of one check, as `rule path` lines: what a verdict is made of. */
async function verdict(dir: string, cacheDir: string): Promise<string[]> {
  const result = await checkProject({ cwd: dir, cacheDir });
  return [...result.findings, ...result.suppressed].map((f) => `${f.rule} ${f.path}`).sort();
}

function project(files: Record<string, string> = {}): TempRepo {
  const repo = TempRepo.create({
    '.gitignore': 'node_modules\n',
    'tsconfig.json': TSCONFIG,
    'src/messages.ts': MESSAGES,
    'node_modules/some-pkg/index.d.ts': MONEY('number'),
    ...files,
  });
  repo.commit();
  repo.tag('deployed');
  return repo;
}

/** Every entry file of every kind in a cache folder. */
function entries(cacheDir: string): string[] {
  return fs
    .readdirSync(cacheDir, { recursive: true })
    .map(String)
    .filter((rel) => rel.endsWith('.json'))
    .map((rel) => path.join(cacheDir, rel));
}

describe('cache: installed packages are part of what a cached model was built from', () => {
  const repo = project();
  after(() => repo.dispose());
  let n = 0;
  const fresh = () => path.join(repo.scratch, `cache-${n++}`);

  it('rebuilds after a declaration file in node_modules changes: warm equals cold', async () => {
    const warmDir = fresh();
    assert.deepEqual(await verdict(repo.dir, warmDir), []);
    // `npm update` on a CI runner with a restored cache: the same commit, other declarations
    repo.write({ 'node_modules/some-pkg/index.d.ts': MONEY('string') });
    const cold = await verdict(repo.dir, fresh());
    assert.deepEqual(await verdict(repo.dir, warmDir), cold);
    // the working tree changes too; the baseline must be the one built from today's package, not the cached one
    repo.write({ 'src/messages.ts': MESSAGES.replace('id: string', 'id: number') });
    try {
      const coldEdited = await verdict(repo.dir, fresh());
      assert.deepEqual(coldEdited, ['type-changed OrderCreated.id']);
      assert.deepEqual(await verdict(repo.dir, warmDir), coldEdited);
    } finally {
      repo.write({ 'src/messages.ts': MESSAGES, 'node_modules/some-pkg/index.d.ts': MONEY('number') });
    }
  });
});

describe('cache: what module resolution looked for', () => {
  // The baseline defines Money itself; only the working tree's model depends on the installed package.
  const repo = project({ 'src/messages.ts': MESSAGES.replace("import type { Money } from 'some-pkg';\n", '') + MONEY('boolean') });
  repo.write({ 'src/messages.ts': MESSAGES });
  after(() => repo.dispose());

  it('rebuilds when a file appears where resolution found none (package.json "types")', async () => {
    const warmDir = path.join(repo.scratch, 'warm');
    assert.deepEqual(await verdict(repo.dir, warmDir), ['type-changed OrderCreated.total.amount']);
    repo.write({
      'node_modules/some-pkg/package.json': JSON.stringify({ name: 'some-pkg', types: 'v2.d.ts' }),
      'node_modules/some-pkg/v2.d.ts': MONEY('boolean'),
    });
    const cold = await verdict(repo.dir, path.join(repo.scratch, 'cold'));
    assert.deepEqual(cold, []);
    assert.deepEqual(await verdict(repo.dir, warmDir), cold);
  });
});

describe('cache: entries', () => {
  const repo = project();
  // A change in the working tree, so the verdict is not empty and a forged entry has something to hide.
  repo.write({ 'src/messages.ts': MESSAGES.replace('id: string', 'id: number') });
  after(() => repo.dispose());
  let n = 0;
  const fresh = () => path.join(repo.scratch, `entries-${n++}`);
  const EXPECTED = ['type-changed OrderCreated.id'];

  it('are private: files 0600, folders 0700', async () => {
    const cacheDir = fresh();
    await verdict(repo.dir, cacheDir);
    const all = fs.readdirSync(cacheDir, { recursive: true }).map(String);
    assert.ok(all.some((rel) => rel.startsWith('models')), all.join(', '));
    for (const rel of ['', ...all]) {
      const stat = fs.statSync(path.join(cacheDir, rel));
      assert.equal((stat.mode & 0o777).toString(8), stat.isDirectory() ? '700' : '600', rel);
    }
  });

  const tamperings: Record<string, (file: string) => void> = {
    // the baseline's `id: string` made a number, so it matches the working tree's (the comparison is not kept)
    'a field type changed': (file) =>
      file.includes(`${path.sep}comparisons${path.sep}`)
        ? fs.rmSync(file)
        : file.includes(`${path.sep}models${path.sep}`) && fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('"kind":"string"', '"kind":"number"')),
    'findings emptied': (file) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"findings":\[.*?\],"suppressed"/, '"findings":[],"suppressed"')),
    truncated: (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2)),
    // 100,000 nested arrays beside the entry's own fields, which stay as they were
    'a stack-overflowing JSON': (file) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('{', `{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)},`)),
    'a symlink to /dev/zero': (file) => (fs.rmSync(file), fs.symlinkSync('/dev/zero', file)),
    'a FIFO': (file) => (fs.rmSync(file), execFileSync('mkfifo', [file])),
    'a 300 MB file': (file) => fs.truncateSync(file, 300 * 1024 * 1024),
  };
  for (const [name, tamper] of Object.entries(tamperings)) {
    it(`that were tampered with (${name}) are dropped and rebuilt, never believed`, async () => {
      const cacheDir = fresh();
      assert.deepEqual(await verdict(repo.dir, cacheDir), EXPECTED);
      for (const file of entries(cacheDir)) tamper(file);
      assert.deepEqual(await verdict(repo.dir, cacheDir), EXPECTED);
      // and the bad entries were replaced: the run after is warm again and right
      for (const file of entries(cacheDir)) assert.ok(fs.lstatSync(file).isFile() && fs.statSync(file).size < 1024 * 1024, file);
      assert.deepEqual(await verdict(repo.dir, cacheDir), EXPECTED);
    });
  }

  it('sealed with a key others could read are not trusted', async () => {
    const cacheDir = fresh();
    await verdict(repo.dir, cacheDir);
    fs.chmodSync(path.join(cacheDir, 'integrity-key'), 0o644);
    for (const file of entries(cacheDir)) fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('"kind":"number"', '"kind":"string"'));
    assert.deepEqual(await verdict(repo.dir, cacheDir), EXPECTED);
  });
});
