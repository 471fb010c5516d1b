/**
 * One schema written in each library's own words, so the same table row becomes a zod 3, a zod 4 and a valibot
 * fixture. Sources only: the tests extract them and also run them.
 */
export type Policy = 'lenient' | 'strip' | 'strict';
export type Check = 'int' | 'min' | 'regex' | 'email' | 'refine';

export interface Dialect {
  label: string;
  library: 'zod3' | 'zod4' | 'valibot';
  header: string;
  object(policy: Policy, fields: Record<string, string>): string;
  string: string;
  number: string;
  optional(schema: string): string;
  withDefault(schema: string, value: string): string;
  checked(schema: string, checks: Check[]): string;
  picklist(values: string[]): string;
}

const entries = (fields: Record<string, string>) => `{ ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
const quoted = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

const ZOD_CHECKS: Record<Check, string> = { int: 'int()', min: 'min(1)', regex: 'regex(/^[a-z]+$/)', email: 'email()', refine: 'refine((v) => v !== "")' };

export const zod4: Dialect = {
  label: 'zod 4',
  library: 'zod4',
  header: "import { z } from 'zod';\n",
  object: (policy, fields) => `z.${policy === 'strip' ? 'object' : policy === 'strict' ? 'strictObject' : 'looseObject'}(${entries(fields)})`,
  string: 'z.string()',
  number: 'z.number()',
  optional: (s) => `${s}.optional()`,
  withDefault: (s, v) => `${s}.default(${v})`,
  checked: (s, checks) => [s, ...checks.map((c) => ZOD_CHECKS[c])].join('.'),
  picklist: (values) => `z.enum(${quoted(values)})`,
};

export const zod3: Dialect = {
  ...zod4,
  label: 'zod 3',
  library: 'zod3',
  header: "import { z } from 'zod3';\n",
  object: (policy, fields) => `z.object(${entries(fields)})${policy === 'strip' ? '' : policy === 'strict' ? '.strict()' : '.passthrough()'}`,
};

const VALIBOT_CHECKS: Record<Check, string> = { int: 'v.integer()', min: 'v.minValue(1)', regex: 'v.regex(/^[a-z]+$/)', email: 'v.email()', refine: 'v.check((v) => v !== "")' };

export const valibot: Dialect = {
  label: 'valibot',
  library: 'valibot',
  header: "import * as v from 'valibot';\n",
  object: (policy, fields) => `v.${policy === 'strip' ? 'object' : policy === 'strict' ? 'strictObject' : 'looseObject'}(${entries(fields)})`,
  string: 'v.string()',
  number: 'v.number()',
  optional: (s) => `v.optional(${s})`,
  withDefault: (s, value) => `v.optional(${s}, ${value})`,
  checked: (s, checks) => (checks.length ? `v.pipe(${[s, ...checks.map((c) => VALIBOT_CHECKS[c])].join(', ')})` : s),
  picklist: (values) => `v.picklist(${quoted(values)})`,
};

export const DIALECTS = [zod3, zod4, valibot];
