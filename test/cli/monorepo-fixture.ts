import * as fs from 'node:fs';
import * as path from 'node:path';
import { TempRepo } from './temp-repo';

/**
 * A small monorepo with project references: a shared package (`packages/common`, a @wire Customer) and two
 * services whose messages carry a Customer, imported across the packages. Tagged `deployed`, then changed:
 * Customer gains a required field (a break in the shared package, which both services' messages carry) and
 * the orders service changes a field's type (a break of its own).
 */
export function monorepo(options: { layout?: 'references' | 'workspaces'; byName?: boolean } = {}): TempRepo {
  const base = JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, composite: true } }, null, 2);
  const project = (references: string[]) =>
    JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'], references: references.map((p) => ({ path: p })) }, null, 2);
  const service = (name: string, field: string) =>
    `import type { Customer } from '../../../packages/common/src/customer';\n\n/** @wire */\nexport interface ${name} {\n  id: string;\n  customer: Customer;\n  ${field}: number;\n}\n`;
  const root: Record<string, string> =
    options.layout === 'workspaces'
      ? { 'tsconfig.json': base, 'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['packages/*', 'services/*'] }, null, 2) }
      : {
          // tsconfig allows comments and trailing commas; a reference may name the folder or its tsconfig.json
          'tsconfig.json': '{\n  // the solution: every package\n  "files": [],\n  "references": [{ "path": "./packages/common" }, { "path": "./services/orders" }, { "path": "./services/billing/tsconfig.json" },],\n}\n',
        };
  const repo = TempRepo.create({
    ...root,
    'tsconfig.base.json': base,
    'packages/common/tsconfig.json': project([]),
    'packages/common/package.json': JSON.stringify({ name: '@shop/common' }),
    'packages/common/src/customer.ts': '/** @wire */\nexport interface Customer {\n  id: string;\n  email: string;\n}\n',
    'services/orders/tsconfig.json': project(['../../packages/common']),
    'services/orders/package.json': JSON.stringify({ name: '@shop/orders' }),
    'services/orders/src/orders.ts': service('OrderPlaced', 'total'),
    'services/billing/tsconfig.json': project(['../../packages/common']),
    'services/billing/package.json': JSON.stringify({ name: '@shop/billing' }),
    'services/billing/src/invoices.ts': service('InvoiceSent', 'amount'),
    // A package without contracts is not checked.
    'packages/util/tsconfig.json': project([]),
    'packages/util/package.json': JSON.stringify({ name: '@shop/util' }),
    'packages/util/src/sum.ts': 'export const sum = (a: number, b: number): number => a + b;\n',
  });
  if (options.byName) {
    // The billing service imports the shared package by its name, through the link a workspace install makes.
    repo.write({
      '.gitignore': 'node_modules\n',
      'packages/common/package.json': JSON.stringify({ name: '@shop/common', types: 'src/customer.ts' }),
      'services/billing/src/invoices.ts': repo.read('services/billing/src/invoices.ts').replace("'../../../packages/common/src/customer'", "'@shop/common'"),
    });
    fs.mkdirSync(path.join(repo.dir, 'node_modules/@shop'), { recursive: true });
    fs.symlinkSync('../../packages/common', path.join(repo.dir, 'node_modules/@shop/common'));
  }
  repo.commit('deployed');
  repo.tag('deployed');
  repo.write({
    'packages/common/src/customer.ts': '/** @wire */\nexport interface Customer {\n  id: string;\n  email: string;\n  tier: string;\n}\n',
    'services/orders/src/orders.ts': repo.read('services/orders/src/orders.ts').replace('total: number', 'total: string'),
  });
  return repo;
}
