import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monorepo } from '../cli/monorepo-fixture';
import { LspClient, messageOf, waitFor, suiteScratch } from './lsp-harness';

/** One workspace folder holding a monorepo: each file is checked by the project that owns it. */
describe('language server: a monorepo in one workspace folder', () => {
  const { cacheDir, cleanup } = suiteScratch();

  it("checks a service's file with its own project, which reads the shared package at the baseline's commit", async () => {
    const repo = monorepo();
    cleanup.push(() => repo.dispose());
    // The orders service's own skew.json makes an untagged interface a contract: only its own project reads it.
    repo.write({ 'services/orders/skew.json': '{ "messages": ["src/events.ts"] }\n', 'services/orders/src/events.ts': 'export interface OrderShipped {\n  id: string;\n  at: number;\n}\n' });
    repo.git('add', 'services/orders/skew.json', 'services/orders/src/events.ts');
    repo.git('commit', '-q', '-m', 'events');
    repo.tag('deployed');
    repo.write({ 'services/orders/src/events.ts': 'export interface OrderShipped {\n  id: string;\n  at: string;\n}\n' });
    const client = await LspClient.start({ folders: [repo.dir], cacheDir });
    cleanup.push(() => client.stop());
    const orders = await client.open(repo.path('services/orders/src/orders.ts'));
    const customer = await client.open(repo.path('packages/common/src/customer.ts'));
    const events = await client.open(repo.path('services/orders/src/events.ts'));

    const published = (uri: string) => {
      const diagnostics = client.latest(uri)?.diagnostics;
      return diagnostics?.length ? diagnostics : undefined;
    };
    const ordersDiagnostics = await waitFor('the orders finding', () => published(orders));
    assert.deepEqual(ordersDiagnostics.map((d) => d.code), ['type-changed']);
    assert.match(messageOf(ordersDiagnostics[0]!), /OrderPlaced: `total` changed type/);
    const eventsDiagnostics = await waitFor('the finding skew.json of the orders service declares', () => published(events));
    assert.match(messageOf(eventsDiagnostics[0]!), /OrderShipped: `at` changed type/);
    const customerDiagnostics = await waitFor('the shared finding', () => published(customer));
    assert.deepEqual(customerDiagnostics.map((d) => d.code), ['field-required-added']);

    // Every project settles; the shared file was never given another project's (or the whole folder's) diagnostics.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const forCustomer = client.published.filter((p) => p.uri === customer);
    assert.ok(forCustomer.every((p) => p.diagnostics.length <= 1), JSON.stringify(forCustomer.map((p) => p.diagnostics.map((d) => d.message))));
    assert.deepEqual(client.latest(customer)?.diagnostics.map((d) => d.code), ['field-required-added']);
    assert.deepEqual(client.latest(orders)?.diagnostics.map((d) => d.code), ['type-changed']);
    assert.ok(client.logs.some((l) => l.includes('is a monorepo: checking packages/common, services/billing, services/orders')));
    assert.ok(client.alive);
  });
});
