import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderPath } from '../../../server/src/engine/path-steps';

describe('rendering path steps', () => {
  it('spells every kind of step as the walk always has for identifier-like names', () => {
    assert.equal(
      renderPath('Svc', [{ kind: 'method', name: 'get' }, { kind: 'param', name: 'q', index: 0 }, { kind: 'field', name: 'tags' }, { kind: 'element' }]),
      'Svc.get(q).tags[]',
    );
    assert.equal(renderPath('Svc', [{ kind: 'method', name: 'get' }, { kind: 'result' }, { kind: 'index' }, { kind: 'tuple', index: 2 }]), 'Svc.get(result)[key][2]');
    assert.equal(renderPath('E', [{ kind: 'enum-member', key: 'High' }]), 'E.High');
    assert.equal(renderPath('Resp', [{ kind: 'variant', tag: 'v', value: '2.0' }, { kind: 'field', name: 'error' }]), 'Resp[v="2.0"].error');
    assert.equal(renderPath('R', [{ kind: 'variant', tag: 'ok', value: true }]), 'R[ok=true]');
    assert.equal(renderPath('M', [{ kind: 'field', name: '$x_1' }, { kind: 'field', name: 'café' }]), 'M.$x_1.café');
  });

  it('names an overload by its position in this version, or in the baseline when it was removed', () => {
    assert.equal(renderPath('Svc', [{ kind: 'method', name: 'find' }, { kind: 'overload', old: 0, new: 1 }, { kind: 'param', name: 'ids', index: 0 }]), 'Svc.find(#2)(ids)');
    assert.equal(renderPath('Svc', [{ kind: 'method', name: 'find' }, { kind: 'overload', old: 2 }]), 'Svc.find(#3)');
  });

  it('joins a JSON-RPC namespace and its method with a slash, as the method name travels', () => {
    assert.equal(renderPath('textDocument', [{ kind: 'method', name: 'hover', separator: '/' }, { kind: 'result' }, { kind: 'field', name: 'contents' }]), 'textDocument/hover(result).contents');
    assert.equal(renderPath('$', [{ kind: 'method', name: 'cancelRequest', separator: '/' }, { kind: 'param', name: 'params', index: 0 }]), '$/cancelRequest(params)');
  });

  it('quotes names that are not identifiers as JSON strings', () => {
    assert.equal(renderPath('M', [{ kind: 'field', name: 'io.mcp/version' }]), 'M["io.mcp/version"]');
    assert.equal(renderPath('M', [{ kind: 'field', name: 'a b' }, { kind: 'field', name: '0' }, { kind: 'field', name: '' }]), 'M["a b"]["0"][""]');
    assert.equal(renderPath('M', [{ kind: 'field', name: 'x]"y' }]), 'M["x]\\"y"]');
    assert.equal(renderPath('E', [{ kind: 'enum-member', key: 'a-b' }]), 'E["a-b"]');
    assert.equal(renderPath('P', [{ kind: 'variant', tag: '@type', value: 'card' }]), 'P["@type"="card"]');
    assert.equal(renderPath('S', [{ kind: 'method', name: 'a.b' }, { kind: 'param', name: 'x y', index: 1 }]), 'S["a.b"]("x y")');
  });
});
