import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkJson } from './run-cli';
import { TempRepo } from './temp-repo';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022'], types: [] } });

/** A BullMQ producer and worker; the worker reads `Resize` jobs, so its fields decide what old jobs it can still take. */
const queue = (fields: string) => `import { Queue, Worker, type Job } from 'bullmq';
export interface Resize { url: string;${fields} }
const images = new Queue<Resize, { key: string }, 'resize'>('images');
export const enqueue = () => images.add('resize', { url: 'a' } as Resize, { delay: 86_400_000 });
export const worker = new Worker('images', async (job: Job<Resize>) => ({ key: job.data.url }));
`;

describe('persisted contracts found by an adapter (BullMQ), against several tags', () => {
  let repo: TempRepo;
  before(() => {
    repo = TempRepo.create({
      'package.json': JSON.stringify({ name: 'jobs', dependencies: { bullmq: '6' } }),
      'tsconfig.json': TSCONFIG,
      '.gitignore': 'node_modules\n',
      'src/queue.ts': queue(''),
      // No `messages`: BullMQ jobs are persisted because the adapter says so.
      'skew.json': JSON.stringify({ baseline: 'deployed', persisted: { since: 'v1.0.0' } }),
    });
    // The real bullmq from this repository's dependencies, as a project has it installed (never committed).
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), repo.path('node_modules'));
    repo.commit('v1');
    repo.tag('v1.0.0');
    repo.write({ 'src/queue.ts': queue(' width?: number;') });
    repo.commit('v1.1');
    repo.tag('v1.1.0').tag('deployed');
    // This version's worker needs `width`: jobs v1.1.0 enqueued may lack it (optional there), and v1.0.0's never have it.
    repo.write({ 'src/queue.ts': queue(' width: number;') });
  });
  after(() => repo.dispose());

  it('checks the job data old-to-new against every tag since `since` and names the oldest one it reaches', async () => {
    const run = await checkJson(repo.dir, repo.cacheDir);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(run.report.persistedRange?.map((b) => b.ref), ['v1.0.0', 'v1.1.0']);
    const width = run.report.findings.filter((f) => f.contract === 'images' && f.path.endsWith('.width'));
    assert.ok(width.length > 0, JSON.stringify(run.report.findings.map((f) => [f.rule, f.path])));
    const against = width.flatMap((f) => f.against?.map((r) => `${r.ref}${r.persisted ? ' (persisted)' : ''}`) ?? []);
    assert.ok(against.includes('v1.0.0 (persisted)'), `reaches the oldest stored jobs: ${JSON.stringify(against)}`);
    assert.ok(width.every((f) => f.breaks.includes('old-to-new')));
    assert.deepEqual(run.report.rollback && run.report.rollback.safe, true, 'nothing this version enqueues is unreadable by the deployed worker');
  });
});
