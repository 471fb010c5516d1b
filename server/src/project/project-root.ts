import * as fs from 'node:fs';
import * as path from 'node:path';
import { SkewError } from '../common/errors';

/** The nearest folder, from `cwd` upwards, that holds a tsconfig.json. */
export function findProjectRoot(cwd: string): string {
  const start = path.resolve(cwd);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(start);
  } catch {
    stat = undefined;
  }
  if (!stat?.isDirectory()) throw new SkewError('bad-cwd', `${start} is not a folder: pass an existing project folder with --cwd`);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'tsconfig.json'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  throw new SkewError(
    'no-tsconfig',
    `no tsconfig.json in ${start} or any folder above it: run skew inside a TypeScript project (or pass --cwd DIR)`,
  );
}
