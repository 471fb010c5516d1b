import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A synthetic service codebase: `contractFiles` files of @wire messages (5 each) and a few @rpc services,
 * plus ordinary application modules that import and use them, so `tsc --noEmit` has realistic work.
 * `variant` 'baseline' or 'change' decides a handful of breaking edits.
 */
export interface GeneratedShape {
  files: number;
  contracts: number;
}

const PER_FILE = 5;
/** Longer than the 96 contract files of the main generated project, so that one is a single chain as before. */
const CHAIN = 100;

export function generateProject(root: string, variant: 'baseline' | 'change', totalFiles = 2000, contractFiles = 96): GeneratedShape {
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, skipLibCheck: true }, include: ['src'] }, null, 2));
  let contracts = 0;
  let files = 1;
  const changed = (i: number) => variant === 'change' && i % 12 === 0;
  for (let f = 0; f < contractFiles; f++) {
    const lines: string[] = [];
    // Each file's first message points at the previous file's, in chains of CHAIN files: a long but bounded path of
    // named types, as in real code (an unbounded one would pass the engine's limit on chains at 10,000 contracts).
    const chained = f % CHAIN > 0;
    if (chained) lines.push(`import { Msg${f - 1}_0, Status${f - 1} } from './c${f - 1}';`, '');
    lines.push(`export enum Status${f} {`, '  Pending,', ...(changed(f) ? ['  Queued,'] : []), '  Done,', '}', '');
    for (let k = 0; k < PER_FILE; k++) {
      const name = `Msg${f}_${k}`;
      lines.push('/** @wire */', `export interface ${name} {`, '  id: string;', `  seq: number;`);
      lines.push(changed(f) && k === 1 ? '  amount: string;' : '  amount: number;');
      lines.push('  note?: string;', `  status: Status${f};`, `  tags: Array<{ key: string; value: string }>;`);
      if (chained && k === 0) lines.push(`  previous?: Msg${f - 1}_0;`, `  previousStatus: Status${f - 1};`);
      if (changed(f) && k === 2) lines.push('  region: string;');
      lines.push('}', '');
      contracts++;
    }
    lines.push(`/** @wire */`, `export type Event${f} = { kind: 'a'; a: Msg${f}_0 } | { kind: 'b'; b: Msg${f}_1 }${changed(f) ? ` | { kind: 'c'; c: Msg${f}_2 }` : ''};`, '');
    contracts++;
    write(`src/contracts/c${f}.ts`, lines.join('\n'));
    files++;
  }
  const services = Math.max(1, Math.floor(contractFiles / 8));
  for (let s = 0; s < services; s++) {
    const f = s * 8;
    const lines = [
      `import { Msg${f}_0, Msg${f}_1 } from '../contracts/c${f}';`,
      '',
      '/** @rpc */',
      `export interface Service${s} {`,
      `  get(id: string${changed(f) ? ', tenant: string' : ''}): Promise<Msg${f}_0>;`,
      `  list(limit?: number): Promise<Msg${f}_1[]>;`,
      `  remove(id: string): Promise<void>;`,
      '}',
      '',
    ];
    write(`src/services/s${s}.ts`, lines.join('\n'));
    files++;
    contracts++;
  }
  for (let m = 0; files < totalFiles; m++, files++) {
    const f = m % contractFiles;
    const lines = [
      `import { Msg${f}_0, Status${f} } from '../contracts/c${f}';`,
      m > 0 ? `import { helper${m - 1} } from './m${m - 1}';` : '',
      '',
      `export function helper${m}(input: Msg${f}_0): number {`,
      `  const total = input.tags.reduce((sum, t) => sum + t.key.length + t.value.length, 0);`,
      `  const done = input.status === Status${f}.Done ? 1 : 0;`,
      `  return total + done + input.seq${m > 0 ? ` + helper${m - 1}(input as never)` : ''};`,
      '}',
      '',
      `export class Handler${m} {`,
      `  private readonly seen = new Map<string, number>();`,
      `  handle(msg: Msg${f}_0): string {`,
      `    this.seen.set(msg.id, (this.seen.get(msg.id) ?? 0) + 1);`,
      '    return `${msg.id}:${this.seen.get(msg.id)}`;',
      '  }',
      '}',
      '',
    ];
    write(`src/app/m${m}.ts`, lines.join('\n'));
  }
  return { files, contracts };
}
