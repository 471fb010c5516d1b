// `npm run demo`: a throw-away git repo from examples/shop, tagged `deployed`, with the change left uncommitted.
// `npm run demo -- zod`: the same with examples/zod-orders, whose contracts are zod schemas.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = resolve(import.meta.dirname, '..');
const EXAMPLES = { shop: 'shop', zod: 'zod-orders' };
const args = process.argv.slice(2);
const example = EXAMPLES[args[0]] ? EXAMPLES[args.shift()] : 'shop';
const repo = mkdtempSync(join(tmpdir(), 'skew-demo-'));
const git = (...args) =>
  execFileSync('git', ['-c', 'user.name=Skew Demo', '-c', 'user.email=demo@skew.invalid', ...args], { cwd: repo, stdio: 'pipe' });

try {
  cpSync(join(here, `examples/${example}/baseline`), repo, { recursive: true });
  // Schema contracts need their library installed, as in any project: this repository's copy (a devDependency).
  if (example !== 'shop') symlinkSync(join(here, 'node_modules'), join(repo, 'node_modules'));
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'v1.4.0');
  git('tag', 'v1.4.0');
  git('tag', 'deployed');
  cpSync(join(here, `examples/${example}/change`), repo, { recursive: true });
  console.error(`demo repository: ${repo} (baseline tagged deployed, change uncommitted)\n`);
  const run = spawnSync(process.execPath, [join(here, 'dist/cli.js'), 'check', '--cwd', repo, ...args], {
    stdio: 'inherit',
  });
  // Exit 1 means "found breaking changes", which is what the demo is meant to show.
  process.exitCode = run.status === 1 ? 0 : (run.status ?? 2);
} finally {
  rmSync(repo, { recursive: true, force: true });
}
