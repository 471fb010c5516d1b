/** Before/after sources beyond the rule fixtures: nesting, recursion, tuples, index signatures, RPC shapes. */
export interface SourceCase {
  name: string;
  before: string;
  after: string;
}

const msg = (body: string, extra = '') => `${extra}/** @wire */\nexport interface M {\n${body}\n}\n`;

export const SOURCE_CASES: SourceCase[] = [
  { name: 'array element field type', before: msg('  items: { sku: string; price: number }[];'), after: msg('  items: { sku: string; price: string }[];') },
  {
    name: 'field inside a discriminated variant',
    before: msg('  pay: { kind: "card"; last4: string } | { kind: "cash"; change: number };'),
    after: msg('  pay: { kind: "card"; last4: number } | { kind: "cash"; change: number };'),
  },
  {
    name: 'recursive type',
    before: 'export interface Tree { name: string; children: Tree[] }\n' + msg('  root: Tree;'),
    after: 'export interface Tree { name: number; children: Tree[] }\n' + msg('  root: Tree;'),
  },
  { name: 'index signature values', before: msg('  counts: Record<string, number>;'), after: msg('  counts: Record<string, string>;') },
  { name: 'tuple position', before: msg('  pair: [string, number];'), after: msg('  pair: [string, string];') },
  { name: 'unknown narrowed', before: msg('  payload: unknown;'), after: msg('  payload: number;') },
  { name: 'number widened to unknown', before: msg('  payload: number;'), after: msg('  payload: unknown;') },
  { name: 'null removed', before: msg('  note: string | null;'), after: msg('  note: string;') },
  {
    name: 'literal union with markup',
    before: msg('  kind: "a" | "b";'),
    after: msg('  kind: "a" | "b" | "<script>alert(1)</script>";'),
  },
  {
    name: 'enum values swapped (same set)',
    before: 'export enum P { Low = 0, High = 1 }\n' + msg('  p: P;'),
    after: 'export enum P { Low = 1, High = 0 }\n' + msg('  p: P;'),
  },
  {
    name: 'string enum value changed',
    before: 'export enum C { Usd = "usd", Eur = "eur" }\n' + msg('  c: C;'),
    after: 'export enum C { Usd = "USD", Eur = "eur" }\n' + msg('  c: C;'),
  },
  {
    name: 'RPC parameter type',
    before: '/** @rpc */\nexport interface S {\n  get(id: string, full?: boolean): Promise<string>;\n}\n',
    after: '/** @rpc */\nexport interface S {\n  get(id: number, full?: boolean): Promise<string>;\n}\n',
  },
  {
    name: 'RPC result field nested in an array',
    before: '/** @rpc */\nexport interface S {\n  list(): Promise<{ id: string; tags: string[] }[]>;\n}\n',
    after: '/** @rpc */\nexport interface S {\n  list(): Promise<{ id: string; tags: number[] }[]>;\n}\n',
  },
  {
    name: 'RPC void result gains a value',
    before: '/** @rpc */\nexport interface S {\n  ping(): Promise<void>;\n}\n',
    after: '/** @rpc */\nexport interface S {\n  ping(): Promise<string>;\n}\n',
  },
  {
    name: 'nested contract changed',
    before: '/** @wire */\nexport interface Money { amount: number; currency: string }\n' + msg('  total: Money;'),
    after: '/** @wire */\nexport interface Money { amount: string; currency: string }\n' + msg('  total: Money;'),
  },
  {
    name: 'optional field type changed',
    before: msg('  id: string;\n  note?: string;'),
    after: msg('  id: string;\n  note?: number;'),
  },
];
