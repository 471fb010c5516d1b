import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The same messages twice: as zod 4 schemas (`/** @wire *\/ export const X = z.object(...)`) and as plain
 * interfaces, so `npm run bench` can compare what reading schemas costs. `variant` 'change' edits a few.
 */
export type ContractStyle = 'schemas' | 'interfaces';

const FILES = 40;
const PER_FILE = 5;

export function generateContracts(root: string, style: ContractStyle, variant: 'baseline' | 'change'): { files: number; contracts: number } {
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true }, include: ['src'] }, null, 2));
  write('.gitignore', 'node_modules\n');
  const changed = (f: number) => variant === 'change' && f % 8 === 0;
  for (let f = 0; f < FILES; f++) {
    const lines: string[] = [];
    if (style === 'schemas') lines.push("import { z } from 'zod';", '');
    for (let k = 0; k < PER_FILE; k++) {
      const name = `Order${f}_${k}`;
      const extra = changed(f) && k === 1;
      if (style === 'schemas') {
        lines.push(`export const Item${f}_${k} = z.strictObject({ sku: z.string(), price: z.number().min(0) });`);
        lines.push('/** @wire */', `export const ${name} = z.object({`, '  id: z.string(),', '  qty: z.number().int(),', '  note: z.string().optional(),');
        lines.push(`  status: z.enum(['new', 'paid'${extra ? ", 'refunded'" : ''}]),`, `  items: z.array(Item${f}_${k}),`, '  meta: z.object({ a: z.string(), b: z.number() }),');
        if (extra) lines.push('  region: z.string(),');
        lines.push('});', `export type ${name} = z.infer<typeof ${name}>;`, '');
      } else {
        lines.push(`export interface Item${f}_${k} { sku: string; price: number }`);
        lines.push('/** @wire */', `export interface ${name} {`, '  id: string;', '  qty: number;', '  note?: string;');
        lines.push(`  status: 'new' | 'paid'${extra ? " | 'refunded'" : ''};`, `  items: Item${f}_${k}[];`, '  meta: { a: string; b: number };');
        if (extra) lines.push('  region: string;');
        lines.push('}', '');
      }
    }
    write(`src/m${f}.ts`, lines.join('\n'));
  }
  return { files: FILES, contracts: FILES * PER_FILE };
}

/** What the edited run appends to one file: one more contract in the project's own style. */
export function editFor(style: ContractStyle, i: number): string {
  return style === 'schemas'
    ? `\n/** @wire */\nexport const BenchEdit${i} = z.object({ id: z.string() });\n`
    : `\n/** @wire */\nexport interface BenchEdit${i} {\n  id: string;\n}\n`;
}
