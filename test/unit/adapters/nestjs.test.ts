import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareProjects, extractProject, packageJson, wordsBetween } from './adapter-helper.js';

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022'], types: [], experimentalDecorators: true, emitDecoratorMetadata: true },
});

const CONTROLLER = `import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload, type RmqContext } from '@nestjs/microservices';
import { of, type Observable } from 'rxjs';
export class SumDto { numbers!: number[]; label?: string }
@Controller()
export class MathController {
  @MessagePattern({ cmd: 'sum' })
  sum(@Payload() data: SumDto, @Ctx() context: RmqContext): number { return data.numbers.length; }
  @MessagePattern('user.get')
  getUser(@Payload() id: string): Observable<{ id: string; name: string }> { return of({ id, name: '' }); }
  @EventPattern('user.created')
  async created(data: { id: string; email: string }): Promise<void> {}
}
`;

const CLIENT = `import { ClientProxy } from '@nestjs/microservices';
export class Api {
  constructor(private readonly client: ClientProxy) {}
  ping() { return this.client.send('ping', { at: 1 }); }
  notify() { return this.client.emit('order.placed', { orderId: 'o1', total: 3 }); }
}
`;

const project = (controller: string, client = CLIENT) => ({
  'package.json': packageJson('@nestjs/microservices', '@nestjs/common'),
  'tsconfig.json': TSCONFIG,
  'src/math.controller.ts': controller,
  'src/api.ts': client,
});

test('handlers and ClientProxy writers are methods named by their pattern', () => {
  const { model, problems } = extractProject(project(CONTROLLER));
  assert.deepEqual(problems, []);
  assert.deepEqual(Object.keys(model.contracts).sort(), ['EventPatterns', 'MessagePatterns']);
  const names = (name: string) => {
    const c = model.contracts[name]!;
    assert.equal(c.adapter, 'nestjs');
    return c.kind === 'service' ? c.methods.map((m) => m.name).sort() : [];
  };
  assert.deepEqual(names('MessagePatterns'), ['ping', 'user.get', '{"cmd":"sum"}']);
  assert.deepEqual(names('EventPatterns'), ['order.placed', 'user.created']);
  assert.deepEqual(Object.keys(extractProject({ ...project(CONTROLLER), 'package.json': packageJson('@nestjs/common') }).model.contracts), []);
  assert.deepEqual(Object.keys(extractProject(project(CONTROLLER), { adapters: { nestjs: false } }).model.contracts), []);
});

test('patterns added, removed and renamed', () => {
  const added = CONTROLLER.replace("  @EventPattern('user.created')", "  @EventPattern('user.deleted')\n  deleted(data: { id: string }) {}\n  @EventPattern('user.created')");
  assert.deepEqual(compareProjects(project(CONTROLLER), project(added)), ['rpc-method-added EventPatterns["user.deleted"] [new-to-old]']);
  const removed = CLIENT.replace(/ {2}ping\(\).*\n/, '');
  assert.deepEqual(compareProjects(project(CONTROLLER), project(CONTROLLER, removed)), ['rpc-method-removed MessagePatterns.ping [old-to-new]']);
  const renamed = CONTROLLER.replace("'user.get'", "'user.fetch'");
  assert.deepEqual(compareProjects(project(CONTROLLER), project(renamed)), ['rpc-method-renamed MessagePatterns["user.fetch"] [new-to-old,old-to-new]']);
});

test('payload fields both ways, from the @Payload() type or inferred from the data sent', () => {
  const required = CONTROLLER.replace('label?: string', 'label!: string');
  assert.deepEqual(compareProjects(project(CONTROLLER), project(required)), ['field-made-required MessagePatterns["{\\"cmd\\":\\"sum\\"}"](data).label [old-to-new]']);
  const dropped = CLIENT.replace(", total: 3 }", ' }');
  assert.deepEqual(compareProjects(project(CONTROLLER), project(CONTROLLER, dropped)), ['field-removed EventPatterns["order.placed"](data).total [new-to-old]']);
});

test('the handler\'s return value, an Observable\'s element, flows back to send()', () => {
  const result = CONTROLLER.replace('{ id: string; name: string }', '{ id: string }').replace("of({ id, name: '' })", 'of({ id })');
  assert.deepEqual(compareProjects(project(CONTROLLER), project(result)), ['field-removed MessagePatterns["user.get"](result).name [old-to-new]']);
});

test('ValidationPipe whitelist / forbidNonWhitelisted set the reader policy of payload DTO classes', () => {
  const main = (options: string) => `import { ValidationPipe } from '@nestjs/common';\nexport const pipe = new ValidationPipe(${options});\n`;
  const policyOf = (options: string | undefined) => {
    const files: Record<string, string> = project(CONTROLLER);
    if (options !== undefined) files['src/main.ts'] = main(options);
    const entry = extractProject(files).model.types.SumDto;
    return entry?.shape.kind === 'object' ? entry.shape.policy : 'missing';
  };
  assert.equal(policyOf(undefined), undefined);
  assert.equal(policyOf('{ transform: true }'), undefined);
  assert.equal(policyOf('{ whitelist: true }'), 'strip');
  assert.equal(policyOf('{ whitelist: true, forbidNonWhitelisted: true }'), 'strict');
});

test('pattern findings name the client and the handler', () => {
  const dropped = CLIENT.replace(", total: 3 }", ' }');
  assert.deepEqual(wordsBetween(project(CONTROLLER), project(CONTROLLER, dropped)), [
    [
      'A handler on v1 receiving EventPatterns from a client on this version fails.',
      "v1 handlers can't handle EventPatterns from this version's clients: `total` removed. Upgrade handlers first. [new-to-old]",
      'a handler on the baseline receiving EventPatterns from a client on this version fails',
      'upgrade handlers first, then clients',
    ],
  ]);
});
