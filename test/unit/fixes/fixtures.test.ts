import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesFor } from '../../../server/src/fixes';
import { fixtureNames } from '../rules/fixture-loader';
import { checkFix, fixturePair, restyle, type Pair } from './fix-harness';

/** Rules whose fixture must get a compatible-change fix (not just a suppression), per the issue. */
const MUST_FIX: Record<string, string[]> = {
  'field-required-added': ['OrderCreated.total.scale', 'OrderCreated.placedBy'],
  'field-removed': ['OrderCreated.customerId', 'OrderService.getOrder(result).status'],
  'field-renamed': ['OrderCreated.total'],
  'field-made-required': ['OrderCreated.note', 'UserService.getUser(result).displayName'],
  'field-made-optional': ['OrderCreated.amount', 'UserService.getUser(result).email'],
  'type-changed': ['PaymentCaptured.details'],
  'enum-value-changed': ['TicketOpened.priority.High', 'TicketOpened.channel.Phone'],
  'enum-member-removed': ['ShipmentDispatched.carrier.Ups'],
  'union-variant-removed': ['Notification', 'OrderStatusChanged.status'],
  'rpc-method-removed': ['UserService.deleteUser', 'UserService.getUser(#2)'],
  'rpc-method-renamed': ['UserService.fetchUser'],
  'rpc-parameter-required-added': ['UserService.getUser(tenantId)'],
  'rpc-parameter-made-required': ['UserService.listUsers(limit)'],
  'rpc-parameter-made-optional': ['UserService.getUser(tenantId)'],
  'strict-reader-undeclared-field': ['CartUpdated.legacyTotal'],
};

function checkEveryFix(pair: Pair) {
  for (const finding of pair.comparison.findings) {
    const { fixes } = fixesFor(finding, pair.input);
    for (const fix of fixes) {
      test(`${finding.rule} ${finding.path}: "${fix.title}"`, () => {
        assert.deepEqual(checkFix(pair, finding, fix), []);
      });
    }
  }
}

for (const name of fixtureNames()) {
  describe(`fixes on fixture ${name}`, () => {
    const pair = fixturePair(name);
    checkEveryFix(pair);

    test('every finding with a location can be suppressed with a reason', () => {
      for (const finding of pair.comparison.findings.filter((f) => f.loc)) {
        const { fixes } = fixesFor(finding, pair.input);
        assert.ok(fixes.some((f) => f.snippet && !f.safe), `${finding.rule} ${finding.path} has no suppression`);
      }
    });

    const mustFix = MUST_FIX[name];
    if (mustFix) {
      test('the rule gets a compatible-change fix on every finding the issue lists', () => {
        for (const path of mustFix) {
          const finding = pair.comparison.findings.find((f) => f.rule === name && f.path === path);
          assert.ok(finding, `fixture has no ${name} finding at ${path}`);
          const safe = fixesFor(finding, pair.input).fixes.filter((f) => f.safe);
          assert.equal(safe.length, 1, `${path}: ${JSON.stringify(fixesFor(finding, pair.input))}`);
          assert.match(safe[0]!.title, /v1\.4\.0/, 'the title says who it keeps working');
        }
      });
    }
  });

  describe(`fixes on fixture ${name}, new side in tabs, double quotes and no semicolons`, () => {
    const pair = fixturePair(name, restyle);
    test('restyling changes no finding', () => {
      const plain = fixturePair(name).comparison.findings.map((f) => `${f.rule} ${f.path}`);
      assert.deepEqual(pair.comparison.findings.map((f) => `${f.rule} ${f.path}`), plain);
    });
    checkEveryFix(pair);
  });
}
