import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options.js';
import { createExtractor, type ExtractResult } from '../../../server/src/contracts/extractor.js';
import { memoryTree } from '../../../server/src/contracts/memory-tree.js';
import type { SkewConfig } from '../../../server/src/common/source.js';
import { compareModels } from '../../../server/src/rules';
import { withoutLocs } from './extract-helper.js';

/** The Chrome DevTools Protocol typings: one namespace per domain, thousands of types, ~60 proxy APIs. */
const FILES = ['protocol.d.ts', 'protocol-proxy-api.d.ts'];
const CONFIG: SkewConfig = { messages: ['protocol.d.ts'], services: ['protocol-proxy-api.d.ts'] };
const require = createRequire(__filename);

function extractPackage(pkg: string): ExtractResult {
  const typesDir = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'types');
  const files = Object.fromEntries(FILES.map((file) => [file, readFileSync(path.join(typesDir, file), 'utf8')]));
  const tree = memoryTree(files, pkg, { root: `/${pkg}` });
  const read = readCompilerOptions(tree);
  if ('error' in read) throw new Error(read.error);
  return createExtractor(tree, CONFIG, read.options).extract();
}

describe('devtools-protocol typings', () => {
  it('extracts both versions and compares them', () => {
    const versions = ['devtools-protocol-baseline', 'devtools-protocol'].map((pkg) => {
      const started = performance.now();
      const result = extractPackage(pkg);
      return { pkg, result, ms: performance.now() - started };
    });
    for (const { pkg, result, ms } of versions) {
      const contracts = Object.values(result.model.contracts);
      const messages = contracts.filter((c) => c.kind === 'message');
      const services = contracts.filter((c) => c.kind === 'service');
      assert.deepEqual(result.problems, [], pkg);
      assert.ok(messages.length > 1000, `${pkg}: ${messages.length} messages`);
      assert.ok(services.length > 40, `${pkg}: ${services.length} services`);
      assert.ok(messages.every((c) => c.name.startsWith('Protocol.') && c.loc.file === 'protocol.d.ts'));

      const request = result.model.types['Protocol.Network.Request'];
      assert.equal(request?.shape.kind, 'object', pkg);
      const url = request.shape.kind === 'object' ? request.shape.fields.find((f) => f.name === 'url') : undefined;
      assert.deepEqual(withoutLocs(url), { name: 'url', shape: { kind: 'string' }, optional: false });

      const network = result.model.contracts['ProtocolProxyApi.NetworkApi'];
      assert.equal(network?.kind, 'service');
      const enable = network.kind === 'service' ? network.methods.find((m) => m.name === 'enable') : undefined;
      assert.deepEqual(enable?.result, { kind: 'void' });
      assert.equal(enable?.params[0]?.shape.kind === 'ref' && enable.params[0].shape.name, 'Protocol.Network.EnableRequest');
      console.log(`[devtools-protocol] ${pkg}: ${messages.length} messages, ${services.length} services in ${ms.toFixed(0)} ms`);
    }

    const [baseline, current] = versions.map((v) => v.result.model);
    assert.ok(baseline && current, 'a baseline and a current version');
    const { findings, changed } = compareModels(baseline, current);
    const byRule = new Map<string, number>();
    for (const finding of findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1);
    console.log(`[devtools-protocol] ${findings.length} findings over ${changed.length} changed contracts:`, Object.fromEntries(byRule));
    for (const finding of findings.filter((_, i) => i % 10 === 0)) {
      console.log(`  ${finding.rule} ${finding.path} (${finding.breaks.join(', ')})`);
    }
  });
});
