/**
 * How the cost of a check grows with the project: generated projects of about 500, 2,000 and 10,000 contracts
 * (and as many files), each measured against `tsc --noEmit` on the same project, with the cost per contract.
 * Linear growth shows as a flat per-contract column.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { generateProject } from './generate';

/** Contracts per generated contract file: five messages and one union event, plus a service every eighth file. */
const CONTRACTS_PER_FILE = 6 + 1 / 8;

export interface ScalePoint {
  dir: string;
  files: number;
  contracts: number;
}

export function generateAtScale(work: string, target: number, commitBaseline: (dir: string) => void): ScalePoint {
  const dir = join(work, `scale-${target}`);
  rmSync(dir, { recursive: true, force: true });
  const contractFiles = Math.max(8, Math.round(target / CONTRACTS_PER_FILE));
  const files = Math.max(target, contractFiles + contractFiles / 8 + 1);
  const shape = generateProject(dir, 'baseline', files, contractFiles);
  commitBaseline(dir);
  generateProject(dir, 'change', files, contractFiles);
  return { dir, files: shape.files, contracts: shape.contracts };
}
