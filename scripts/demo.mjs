// `npm run demo [-- <example>] [check options]`: a throw-away git repo from examples/<example> (default `shop`),
// tagged `deployed`, with the change left uncommitted. Examples with a package.json (the adapters': trpc, jsonrpc,
// cloudflare) get this repository's node_modules linked in, where their real libraries are installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = resolve(import.meta.dirname, '..');
const examples = readdirSync(join(here, 'examples'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const args = process.argv.slice(2);
// Short names people type for examples whose folder says more.
const ALIASES = { zod: 'zod-orders' };
const asked = ALIASES[args[0]] ?? args[0];
const example = examples.includes(asked) ? (args.shift(), asked) : 'shop';
const source = join(here, 'examples', example);
const repo = mkdtempSync(join(tmpdir(), 'skew-demo-'));
const git = (...a) =>
  execFileSync('git', ['-c', 'user.name=Skew Demo', '-c', 'user.email=demo@skew.invalid', ...a], { cwd: repo, stdio: 'pipe' });

try {
  cpSync(join(source, 'baseline'), repo, { recursive: true });
  if (existsSync(join(source, 'baseline/package.json'))) {
    symlinkSync(join(here, 'node_modules'), join(repo, 'node_modules'), 'dir');
    cpSync(join(here, 'examples/.gitignore-node-modules'), join(repo, '.gitignore'));
  }
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'v1.4.0');
  git('tag', 'v1.4.0');
  git('tag', 'deployed');
  cpSync(join(source, 'change'), repo, { recursive: true });
  console.error(`demo repository (${example}): ${repo} (baseline tagged deployed, change uncommitted)\n`);
  const run = spawnSync(process.execPath, [join(here, 'dist/cli.js'), 'check', '--cwd', repo, ...args], {
    stdio: 'inherit',
  });
  // Exit 1 means "found breaking changes", which is what the demo is meant to show.
  process.exitCode = run.status === 1 ? 0 : (run.status ?? 2);
} finally {
  rmSync(repo, { recursive: true, force: true });
}
