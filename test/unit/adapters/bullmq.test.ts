import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareProjects, extractProject, packageJson, wordsBetween } from './adapter-helper.js';

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022'], types: [] } });

const PRODUCER = `import { Queue, FlowProducer } from 'bullmq';
export interface Resize { url: string; width: number; height?: number }
const images = new Queue<Resize, { key: string }, 'resize'>('images');
const mail = new Queue('mail');
export async function enqueue() {
  await images.add('resize', { url: 'a', width: 10 }, { delay: 60_000 });
  await mail.add('welcome', { to: 'x@y.z', name: 'Ann' });
  await new FlowProducer().add({ name: 'report', queueName: 'reports', data: { month: 3 }, children: [{ name: 'collect', queueName: 'collect', data: { day: 1 } }] });
}
`;

const WORKER = `import { Worker, type Job } from 'bullmq';
export const mailer = new Worker('mail', async (job: Job<{ to: string; name: string }>) => ({ sent: true, id: job.id ?? '' }));
`;

const project = (producer: string, worker = WORKER) => ({
  'package.json': packageJson('bullmq'),
  'tsconfig.json': TSCONFIG,
  'src/producer.ts': producer,
  'src/worker.ts': worker,
});

test('queues are services named by the queue, job names their methods; contracts are persisted', () => {
  const { model, problems } = extractProject(project(PRODUCER));
  assert.deepEqual(problems, []);
  assert.deepEqual(Object.keys(model.contracts).sort(), ['collect', 'images', 'mail', 'reports']);
  const images = model.contracts.images!;
  assert.ok(images.kind === 'service');
  assert.equal(images.persisted, true);
  assert.equal(images.adapter, 'bullmq');
  assert.deepEqual(images.methods.map((m) => m.name), ['resize']);
  const mail = model.contracts.mail!;
  assert.ok(mail.kind === 'service');
  // The worker's processor return type is the result; the data is inferred from add()'s argument.
  assert.deepEqual(mail.methods.map((m) => [m.name, m.params[0]!.shape.kind, m.result.kind]), [['welcome', 'object', 'object']]);
});

test('a queue only a worker names is one method for every job; without the dependency nothing is found', () => {
  const { model } = extractProject(project('export {};\n'));
  const mail = model.contracts.mail!;
  assert.deepEqual(mail.kind === 'service' && mail.methods.map((m) => m.name), ['*']);
  assert.deepEqual(Object.keys(extractProject({ ...project(PRODUCER), 'package.json': packageJson('zod') }).model.contracts), []);
  assert.deepEqual(Object.keys(extractProject(project(PRODUCER), { adapters: { bullmq: false } }).model.contracts), []);
});

test('jobs added, removed and renamed', () => {
  const added = PRODUCER.replace("await mail.add('welcome'", "await mail.add('goodbye', { to: 'x' });\n  await mail.add('welcome'");
  assert.deepEqual(compareProjects(project(PRODUCER), project(added)), ['rpc-method-added mail.goodbye [new-to-old]']);
  const removed = PRODUCER.replace(", children: [{ name: 'collect', queueName: 'collect', data: { day: 1 } }]", '');
  assert.deepEqual(compareProjects(project(PRODUCER), project(removed)), ['contract-removed collect [old-to-new]']);
  const renamed = PRODUCER.replace("'resize'>", "'scale'>").replace("add('resize'", "add('scale'");
  assert.deepEqual(compareProjects(project(PRODUCER), project(renamed)), ['rpc-method-renamed images.scale [new-to-old,old-to-new]']);
});

test('job data fields both ways: from the Queue generic and inferred from add()', () => {
  const required = PRODUCER.replace('height?: number', 'height: number').replace('width: 10 }', 'width: 10, height: 5 }');
  assert.deepEqual(compareProjects(project(PRODUCER), project(required)), ['field-made-required images.resize(data).height [old-to-new]']);
  const dropped = PRODUCER.replace(", name: 'Ann' }", ' }');
  assert.deepEqual(compareProjects(project(PRODUCER), project(dropped)), ['field-removed mail.welcome(data).name [new-to-old]']);
  const flow = PRODUCER.replace('data: { month: 3 }', "data: { month: 3, year: 2026 }");
  assert.deepEqual(compareProjects(project(PRODUCER), project(flow)), ['field-required-added reports.report(data).year [old-to-new]']);
});

test('the return value flows from the worker back to the producer', () => {
  const changed = WORKER.replace("id: job.id ?? ''", 'id: 1');
  assert.deepEqual(compareProjects(project(PRODUCER), project(PRODUCER, changed)), ['type-changed mail.welcome(result).id [new-to-old,old-to-new]']);
  const generic = PRODUCER.replace('{ key: string }', '{ key: string; size: number }');
  assert.deepEqual(compareProjects(project(PRODUCER), project(generic)), ['field-required-added images.resize(result).size [new-to-old]']);
});

test('findings name the producer and the worker, and the order upgrades workers first', () => {
  const dropped = PRODUCER.replace(", name: 'Ann' }", ' }');
  assert.deepEqual(wordsBetween(project(PRODUCER), project(dropped)), [
    [
      'A worker on v1 receiving mail from a producer on this version fails.',
      "v1 workers can't handle mail from this version's producers: `name` removed. Upgrade workers first. [new-to-old]",
      'a worker on the baseline receiving mail from a producer on this version fails',
      'upgrade workers first, then producers',
    ],
  ]);
});
