import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ProjectSession, type CheckResult } from '../../../server/src/project/session';
import { findingDiagnostics, type DiagnosticContext } from '../../../server/src/lsp/to-diagnostic';
import type { ModelPair } from '../../../server/src/engine/shape';
import { TempRepo, TSCONFIG } from '../../cli/temp-repo';

/**
 * An editing session keeps work between checks (reused model entries, remembered comparisons, indexes derived
 * from the previous check's). After every edit its answer must be the one a fresh session gives for the same
 * text: findings, suppressed findings, summary, problems, and the diagnostics built from them.
 */
const BASE: Record<string, string> = {
  'tsconfig.json': TSCONFIG,
  'src/types.ts': [
    'export interface Money {',
    '  amount: number;',
    '  currency: string;',
    '}',
    'export enum Status {',
    '  Pending,',
    '  Paid,',
    '  Shipped,',
    '}',
    '',
  ].join('\n'),
  'src/order.ts': [
    "import { Money, Status } from './types';",
    '/** @wire */',
    'export interface Order {',
    '  id: string;',
    '  total: Money;',
    '  status: Status;',
    '  note?: string;',
    '  coupon: string;',
    '}',
    '',
  ].join('\n'),
  'src/refund.ts': [
    "import { Order } from './order';",
    "import { Money } from './types';",
    '/** @wire */',
    'export interface Refund {',
    '  order: Order;',
    '  amount: Money;',
    '  reason: string;',
    '}',
    '/** @wire */',
    "export type RefundEvent = { kind: 'asked'; refund: Refund } | { kind: 'done'; id: string };",
    '',
  ].join('\n'),
  'src/other.ts': [
    '/** @wire */',
    'export interface Ping {',
    '  at: number;',
    '}',
    '',
  ].join('\n'),
  'src/service.ts': [
    "import { Order } from './order';",
    "import { Refund } from './refund';",
    '/** @rpc */',
    'export interface Shop {',
    '  order(id: string): Promise<Order>;',
    '  refund(refund: Refund): Promise<void>;',
    '}',
    '',
  ].join('\n'),
};

type Files = Record<string, string>;

/** Each step's files as edited in the editor (unsaved buffers), starting from BASE. */
const STEPS: { what: string; edit: (files: Files) => Files }[] = [
  { what: 'no edit', edit: (f) => f },
  { what: 'a type other contract files import changes', edit: (f) => ({ ...f, 'src/types.ts': f['src/types.ts']!.replace('amount: number', 'amount: string') }) },
  { what: 'a field of one contract is renamed', edit: (f) => ({ ...f, 'src/order.ts': f['src/order.ts']!.replace('note?: string', 'notes?: string') }) },
  // The changed contract is now reached from one more: its findings affect that one too, and then no longer.
  { what: 'a contract starts containing another', edit: (f) => ({ ...f, 'src/other.ts': `import { Order } from './order';\n${f['src/other.ts']!.replace('at: number;', 'at: number;\n  last?: Order;')}` }) },
  { what: 'and stops again', edit: (f) => ({ ...f, 'src/other.ts': f['src/other.ts']!.replace("import { Order } from './order';\n", '').replace('\n  last?: Order;', '') }) },
  {
    what: 'a contract is renamed (and its importers follow)',
    edit: (f) => ({
      ...f,
      'src/order.ts': f['src/order.ts']!.replace('interface Order', 'interface Purchase'),
      'src/refund.ts': f['src/refund.ts']!.replace("import { Order } from './order'", "import { Purchase as Order } from './order'"),
      'src/service.ts': f['src/service.ts']!.replace("import { Order } from './order'", "import { Purchase as Order } from './order'"),
    }),
  },
  { what: 'the code stops parsing', edit: (f) => ({ ...f, 'src/other.ts': f['src/other.ts']!.replace('at: number;', 'at: = ;') }) },
  { what: 'the code parses again', edit: (f) => ({ ...f, 'src/other.ts': f['src/other.ts']!.replace('at: = ;', 'at: number;') }) },
  { what: 'an enum member is inserted (members after it shift)', edit: (f) => ({ ...f, 'src/types.ts': f['src/types.ts']!.replace('  Pending,\n', '  Pending,\n  Queued,\n') }) },
  {
    what: 'a field is made optional and deprecated (a planned step)',
    edit: (f) => ({ ...f, 'src/order.ts': f['src/order.ts']!.replace('  coupon: string;', '  /** @deprecated */\n  coupon?: string;') }),
  },
  { what: 'a finding is suppressed', edit: (f) => ({ ...f, 'src/refund.ts': f['src/refund.ts']!.replace('  reason: string;', '  // skew-ignore field-required-added: nobody sends refunds yet\n  reason: string;\n  why: string;') }) },
  { what: 'the imported type changes back', edit: (f) => ({ ...f, 'src/types.ts': f['src/types.ts']!.replace('amount: string', 'amount: number') }) },
  // The other files are kept as they were read; the one that now takes a name already used must not be.
  { what: 'a contract takes a name another file uses', edit: (f) => ({ ...f, 'src/other.ts': f['src/other.ts']!.replace('interface Ping', 'interface Refund') }) },
  { what: 'and gives it back', edit: (f) => ({ ...f, 'src/other.ts': f['src/other.ts']!.replace('interface Refund', 'interface Ping') }) },
  { what: 'a contract file is added', edit: (f) => ({ ...f, 'src/added.ts': "import { Status } from './types';\n/** @wire */\nexport interface Added {\n  status: Status;\n}\n" }) },
  { what: 'a contract is removed', edit: (f) => ({ ...f, 'src/other.ts': 'export const nothing = 1;\n' }) },
];

/** What a check says, in a form two sessions can be compared on. */
function observable(result: CheckResult, models: ModelPair | undefined, root: string): unknown {
  const ctx: DiagnosticContext = {
    root,
    baselineCommit: result.baseline.commit,
    baselineLabel: 'deployed',
    baselineName: 'deployed',
    severity: 'error',
    existsInWorkingTree: () => true,
  };
  return {
    findings: result.findings,
    suppressed: result.suppressed,
    summary: result.summary,
    problems: result.problems,
    persistedContracts: result.persistedContracts,
    diagnostics: findingDiagnostics(result.findings, ctx, models),
  };
}

describe('an editing session after a sequence of edits', () => {
  const repo = TempRepo.create(BASE);
  repo.commit();
  repo.tag('deployed');
  after(() => repo.dispose());

  const overlaysOf = (files: Files) => new Map(Object.entries(files).filter(([rel]) => rel.startsWith('src/')).map(([rel, text]) => [repo.path(rel), text]));

  it('gives what a fresh check of the same text gives, after every edit', async () => {
    const editing = await ProjectSession.open({ cwd: repo.dir, cacheDir: path.join(repo.scratch, 'cache-editing') });
    try {
      let files = { ...BASE };
      for (const [i, step] of STEPS.entries()) {
        files = step.edit(files);
        const overlays = overlaysOf(files);
        const incremental = await editing.check(overlays, { diskUnchanged: true }).then(
          (r) => observable(r, editing.models, repo.dir),
          (e: Error) => ({ error: e.message }),
        );
        // A fresh session with a cache of its own: nothing is reused from the editing session or an earlier step.
        const fresh = await ProjectSession.open({ cwd: repo.dir, cacheDir: path.join(repo.scratch, `cache-fresh-${i}`) });
        try {
          const full = await fresh.check(overlays, { diskUnchanged: true }).then(
            (r) => observable(r, fresh.models, repo.dir),
            (e: Error) => ({ error: e.message }),
          );
          assert.deepEqual(incremental, full, `after step ${i}: ${step.what}`);
        } finally {
          fresh.dispose();
        }
      }
    } finally {
      editing.dispose();
    }
  });

  it('finds what the edits change (the sequence is not vacuous)', async () => {
    const session = await ProjectSession.open({ cwd: repo.dir, cacheDir: path.join(repo.scratch, 'cache-vacuous') });
    try {
      let files = { ...BASE };
      const rules: string[][] = [];
      const affects: string[][] = [];
      for (const step of STEPS) {
        files = step.edit(files);
        const result = await session.check(overlaysOf(files), { diskUnchanged: true }).catch(() => undefined);
        rules.push(result ? [...new Set(result.findings.map((f) => f.rule))].sort() : ['(does not parse)']);
        affects.push([...new Set(result?.findings.filter((f) => f.contract === 'Order').flatMap((f) => f.affects ?? []))].sort());
      }
      assert.deepEqual(rules[0], []);
      assert.ok(rules[1]!.includes('type-changed'), `an imported type's change is found: ${rules[1]!.join(', ')}`);
      assert.deepEqual(rules[6], ['(does not parse)']);
      assert.ok(rules[8]!.includes('enum-value-changed'));
      assert.ok(rules[STEPS.length - 1]!.includes('contract-removed'));
      assert.deepEqual(affects.slice(2, 5), [
        ['Refund', 'RefundEvent', 'Shop'],
        ['Ping', 'Refund', 'RefundEvent', 'Shop'],
        ['Refund', 'RefundEvent', 'Shop'],
      ]);
    } finally {
      session.dispose();
    }
  });
});
