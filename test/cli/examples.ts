import type { Direction } from '../../server/src/engine/finding';

/** The "Examples" table of the compatibility model, as files before (tagged `deployed`) and after. */
export interface Example {
  change: string;
  before: string;
  after: string;
  /** One entry per expected finding: its rule and exactly the directions it breaks. */
  expected: { rule: string; path: string; breaks: Direction[] }[];
}

const message = (fields: string) => `/** @wire */\nexport interface OrderCreated {\n${fields}\n}\n`;
const BASE_FIELDS = '  id: string;\n  amount: number;\n  note?: string;';
const service = (methods: string) =>
  `export interface User {\n  id: string;\n  name: string;\n}\n\n/** @rpc */\nexport interface UserService {\n${methods}\n}\n`;
const BASE_METHODS = '  getUser(id: string): Promise<User>;';

export const EXAMPLES: Example[] = [
  { change: 'add `coupon?: string`', before: message(BASE_FIELDS), after: message(`${BASE_FIELDS}\n  coupon?: string;`), expected: [] },
  {
    change: 'add `currency: string`',
    before: message(BASE_FIELDS),
    after: message(`${BASE_FIELDS}\n  currency: string;`),
    expected: [{ rule: 'field-required-added', path: 'OrderCreated.currency', breaks: ['old-to-new'] }],
  },
  {
    change: 'remove `amount`',
    before: message(BASE_FIELDS),
    after: message('  id: string;\n  note?: string;'),
    expected: [{ rule: 'field-removed', path: 'OrderCreated.amount', breaks: ['new-to-old'] }],
  },
  { change: 'remove `note`', before: message(BASE_FIELDS), after: message('  id: string;\n  amount: number;'), expected: [] },
  {
    change: '`note?` → `note`',
    before: message(BASE_FIELDS),
    after: message('  id: string;\n  amount: number;\n  note: string;'),
    expected: [{ rule: 'field-made-required', path: 'OrderCreated.note', breaks: ['old-to-new'] }],
  },
  {
    change: '`id: string` → `string | number`',
    before: message(BASE_FIELDS),
    after: message('  id: string | number;\n  amount: number;\n  note?: string;'),
    expected: [{ rule: 'union-variant-added', path: 'OrderCreated.id', breaks: ['new-to-old'] }],
  },
  {
    change: '`amount: number` → `string`',
    before: message(BASE_FIELDS),
    after: message('  id: string;\n  amount: string;\n  note?: string;'),
    expected: [{ rule: 'type-changed', path: 'OrderCreated.amount', breaks: ['old-to-new', 'new-to-old'] }],
  },
  {
    change: 'rename `amount` → `total`',
    before: message(BASE_FIELDS),
    after: message('  id: string;\n  total: number;\n  note?: string;'),
    expected: [{ rule: 'field-renamed', path: 'OrderCreated.total', breaks: ['old-to-new', 'new-to-old'] }],
  },
  {
    change: '`enum P { Low, High }` → `{ Low, Medium, High }`',
    before: '/** @wire */\nexport enum P {\n  Low,\n  High,\n}\n',
    after: '/** @wire */\nexport enum P {\n  Low,\n  Medium,\n  High,\n}\n',
    expected: [{ rule: 'enum-value-changed', path: 'P.High', breaks: ['old-to-new', 'new-to-old'] }],
  },
  {
    change: 'RPC: add method',
    before: service(BASE_METHODS),
    after: service(`${BASE_METHODS}\n  listUsers(): Promise<User[]>;`),
    expected: [{ rule: 'rpc-method-added', path: 'UserService.listUsers', breaks: ['new-to-old'] }],
  },
  {
    change: 'RPC: add required parameter',
    before: service(BASE_METHODS),
    after: service('  getUser(id: string, tenant: string): Promise<User>;'),
    expected: [{ rule: 'rpc-parameter-required-added', path: 'UserService.getUser(tenant)', breaks: ['old-to-new'] }],
  },
  {
    change: 'RPC: result `User` → `User | null`',
    before: service(BASE_METHODS),
    after: service('  getUser(id: string): Promise<User | null>;'),
    expected: [{ rule: 'union-variant-added', path: 'UserService.getUser(result)', breaks: ['old-to-new'] }],
  },
];
