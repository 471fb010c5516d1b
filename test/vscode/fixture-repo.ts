// A small TypeScript project in a temporary git repository, for the real-editor suites: the `deployed` tag holds
// a @wire message, and the working tree adds a required field to it (uncommitted), which breaks old-to-new.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const MESSAGE_FILE = 'src/order-created.ts';

export const BASELINE_MESSAGE = `/** @wire */
export interface OrderCreated {
  orderId: string;
  amount: number;
  note?: string;
}
`;

/** The working-tree edit: a required field old writers never send. */
export const CHANGED_MESSAGE = `/** @wire */
export interface OrderCreated {
  orderId: string;
  amount: number;
  currency: string;
  note?: string;
}
`;

export const EXPECTED = {
  rule: 'field-required-added',
  contract: 'OrderCreated',
  /** 0-based line of `currency` in CHANGED_MESSAGE: where the diagnostic belongs. */
  line: CHANGED_MESSAGE.split('\n').findIndex((l) => l.includes('currency')),
  direction: 'old-to-new',
};

export interface FixtureRepo {
  root: string;
  remove(): void;
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    // a CI box may have no global identity; signing or hooks from the machine must not interfere
    env: { ...process.env, GIT_AUTHOR_NAME: 'skew-test', GIT_AUTHOR_EMAIL: 'test@skew.invalid', GIT_COMMITTER_NAME: 'skew-test', GIT_COMMITTER_EMAIL: 'test@skew.invalid' },
  });
  return stdout;
}

function write(root: string, rel: string, text: string): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

export async function createFixtureRepo(parent = os.tmpdir()): Promise<FixtureRepo> {
  fs.mkdirSync(parent, { recursive: true });
  const root = fs.realpathSync(fs.mkdtempSync(path.join(parent, 'skew-fixture-')));
  write(root, 'package.json', JSON.stringify({ name: 'shop', version: '1.4.0', private: true }, null, 2) + '\n');
  write(root, 'tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs' }, include: ['src'] }, null, 2) + '\n');
  write(root, MESSAGE_FILE, BASELINE_MESSAGE);
  await git(root, ['init', '-q', '-b', 'main']);
  await git(root, ['-c', 'commit.gpgsign=false', 'add', '.']);
  await git(root, ['-c', 'commit.gpgsign=false', 'commit', '-q', '--no-verify', '-m', 'v1.4.0']);
  await git(root, ['tag', 'deployed']);
  write(root, MESSAGE_FILE, CHANGED_MESSAGE);
  return { root, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** The service of the editor-experience story: two messages share `Item`, a ticket carries an implicitly numbered enum. */
export const SHOP_FILE = 'src/shop.ts';

export const SHOP_V1 = `export interface Item {
  sku: string;
  qty: number;
}

/** @wire */
export interface CartEvent {
  id: string;
  item: Item;
}

/** @wire */
export interface Receipt {
  total: number;
  note?: string;
  item: Item;
}

export enum Priority {
  Low,
  High,
  Urgent,
}

/** @wire */
export interface Ticket {
  priority: Priority;
}
`;

/**
 * A repository as a new user has it: one commit with no contract at all and no tag. The story adds the contracts
 * (SHOP_V1) as a second commit while the editor is open.
 */
export async function createQuietRepo(parent = os.tmpdir()): Promise<FixtureRepo> {
  fs.mkdirSync(parent, { recursive: true });
  const root = fs.realpathSync(fs.mkdtempSync(path.join(parent, 'skew-quiet-')));
  write(root, 'package.json', JSON.stringify({ name: 'shop', version: '0.9.0', private: true }, null, 2) + '\n');
  write(root, 'tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs' }, include: ['src'] }, null, 2) + '\n');
  write(root, 'src/util.ts', 'export const add = (a: number, b: number): number => a + b;\n');
  await git(root, ['init', '-q', '-b', 'main']);
  await git(root, ['-c', 'commit.gpgsign=false', 'add', '.']);
  await git(root, ['-c', 'commit.gpgsign=false', 'commit', '-q', '--no-verify', '-m', 'v0.9.0']);
  return { root, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Commits `files` in a fixture repository (the story's next release). */
export async function commitFiles(root: string, files: Record<string, string>, message: string): Promise<void> {
  for (const [rel, text] of Object.entries(files)) write(root, rel, text);
  await git(root, ['-c', 'commit.gpgsign=false', 'add', '.']);
  await git(root, ['-c', 'commit.gpgsign=false', 'commit', '-q', '--no-verify', '-m', message]);
}

export async function tagCommit(root: string, tag: string, commit: string): Promise<void> {
  await git(root, ['tag', tag, commit]);
}

export function writeFixtureFile(root: string, rel: string, text: string): void {
  write(root, rel, text);
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * A repository made from examples/<name> as `npm run demo` makes it: baseline committed and tagged `deployed`,
 * the change copied over it and left uncommitted. Examples with a package.json (the adapters') get this
 * repository's node_modules linked in, where their real libraries are installed.
 */
export function exampleRepo(name: string): (parent?: string) => Promise<FixtureRepo> {
  return async (parent = os.tmpdir()) => {
    const source = path.join(REPO_ROOT, 'examples', name);
    if (!fs.existsSync(path.join(source, 'baseline'))) throw new Error(`no example ${name} (examples/${name}/baseline)`);
    fs.mkdirSync(parent, { recursive: true });
    const root = fs.realpathSync(fs.mkdtempSync(path.join(parent, `skew-${name}-`)));
    fs.cpSync(path.join(source, 'baseline'), root, { recursive: true });
    if (fs.existsSync(path.join(source, 'baseline', 'package.json'))) {
      fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
      write(root, '.gitignore', 'node_modules\n');
    }
    await git(root, ['init', '-q', '-b', 'main']);
    await git(root, ['-c', 'commit.gpgsign=false', 'add', '-A']);
    await git(root, ['-c', 'commit.gpgsign=false', 'commit', '-q', '--no-verify', '-m', 'v1.4.0']);
    await git(root, ['tag', 'deployed']);
    fs.cpSync(path.join(source, 'change'), root, { recursive: true });
    return { root, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
  };
}
