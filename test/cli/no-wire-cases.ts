export interface Case {
  name: string;
  before: Record<string, string>;
  after: Record<string, string>;
  remove?: string[];
}

/** Spelling changes the model says are not wire changes: they must give zero findings. */
export const CASES: Case[] = [
  {
    name: 'moving a contract to another (untracked) file',
    before: { 'src/messages.ts': '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  amount: number;\n}\n' },
    after: { 'src/orders/order-created.ts': '/** @wire */\nexport interface OrderCreated {\n  amount: number;\n  id: string;\n}\n' },
    remove: ['src/messages.ts'],
  },
  {
    name: 'interface → type alias',
    before: { 'src/messages.ts': '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  note?: string;\n}\n' },
    after: { 'src/messages.ts': '/** @wire */\nexport type OrderCreated = {\n  readonly id: string;\n  note?: string | undefined;\n};\n' },
  },
  {
    name: 'extracting a nested type',
    before: { 'src/messages.ts': '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  customer: { name: string; email?: string };\n}\n' },
    after: {
      'src/messages.ts': "import type { Customer } from './customer';\n\n/** @wire */\nexport interface OrderCreated {\n  id: string;\n  customer: Customer;\n}\n",
      'src/customer.ts': 'export interface Customer {\n  name: string;\n  email?: string;\n}\n',
    },
  },
  {
    name: 'Pick',
    before: { 'src/messages.ts': '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  amount: number;\n}\n' },
    after: {
      'src/messages.ts': 'interface Order {\n  id: string;\n  amount: number;\n  internalNotes: string[];\n}\n\n/** @wire */\nexport type OrderCreated = Pick<Order, "id" | "amount">;\n',
    },
  },
  {
    name: 'renaming a string-enum key with the same value',
    before: { 'src/messages.ts': "export enum Status {\n  Active = 'active',\n  Off = 'off',\n}\n\n/** @wire */\nexport interface UserChanged {\n  status: Status;\n}\n" },
    after: { 'src/messages.ts': "export enum Status {\n  Enabled = 'active',\n  Off = 'off',\n}\n\n/** @wire */\nexport interface UserChanged {\n  status: Status;\n}\n" },
  },
];
