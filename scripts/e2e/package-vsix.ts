// Packages the extension the way it ships (`vsce package`), so the end-to-end test installs what users install.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

const VSCE = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'vsce');

export async function packageVsix(extensionDir: string, outFile: string): Promise<string> {
  const vsce = VSCE;
  if (!fs.existsSync(vsce)) throw new Error(`vsce not found at ${vsce} (npm install)`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  try {
    // the bundles in dist/ carry their dependencies, hence --no-dependencies; stdin closed so a prompt fails fast
    await execFileAsync(vsce, ['package', '--no-dependencies', '--skip-license', '-o', outFile], {
      cwd: extensionDir,
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`vsce package failed: ${(err.stderr || err.stdout || err.message).trim().split('\n').slice(-5).join(' | ')}`);
  }
  if (!fs.existsSync(outFile)) throw new Error(`vsce package wrote no ${outFile}`);
  return outFile;
}
