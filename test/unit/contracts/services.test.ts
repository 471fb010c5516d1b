import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceContract } from '../../../server/src/engine/shape.js';
import { extractFiles, withoutLocs } from './extract-helper.js';

function service(source: string, name = 'UserService'): ServiceContract {
  const { model, problems } = extractFiles({ 'svc.ts': source });
  assert.deepEqual(problems, []);
  const contract = model.contracts[name];
  assert.equal(contract?.kind, 'service');
  return withoutLocs(contract);
}

describe('rpc services', () => {
  it('reads methods and function-typed properties with optional, defaulted and undefined-typed params', () => {
    const svc = service(`
interface User { id: string }
/** @rpc */
export interface UserService {
  get(id: string, fresh?: boolean): Promise<User>;
  find: (query: string | undefined) => Promise<User | null>;
  ping(): void;
  version: string;
}`);
    assert.deepEqual(svc.methods, [
      {
        name: 'get',
        params: [
          { name: 'id', shape: { kind: 'string' }, optional: false },
          { name: 'fresh', shape: { kind: 'boolean' }, optional: true },
        ],
        result: { kind: 'ref', name: 'User' },
      },
      {
        name: 'find',
        params: [{ name: 'query', shape: { kind: 'string' }, optional: true }],
        result: { kind: 'union', variants: [{ kind: 'null' }, { kind: 'ref', name: 'User' }] },
      },
      { name: 'ping', params: [], result: { kind: 'void' } },
    ]);
  });

  it('treats Promise<T> and T results alike and Promise<void> as void', () => {
    const asPromise = service('/** @rpc */\nexport interface UserService { count(): Promise<number>; stop(): Promise<void> }');
    const plain = service('/** @rpc */\nexport interface UserService { count(): number; stop(): void }');
    assert.deepEqual(plain, asPromise);
    assert.deepEqual(plain.methods[1]?.result, { kind: 'void' });
  });

  it('reads a class service: public methods, default-valued params as optional, no private members', () => {
    const svc = service(`
/** @rpc */
export class UserService {
  private cache = new Map<string, string>();
  async rename(id: string, name = 'x'): Promise<string> { return id + name; }
  private helper(): void {}
}`);
    assert.deepEqual(svc.methods, [
      {
        name: 'rename',
        params: [
          { name: 'id', shape: { kind: 'string' }, optional: false },
          { name: 'name', shape: { kind: 'string' }, optional: true },
        ],
        result: { kind: 'string' },
      },
    ]);
    assert.equal(svc.source, 'jsdoc');
  });
});
