// Where the real-editor tools live. `.ci/e2e-setup.sh` installs them and writes $SKEW_E2E_HOME/env; variables set
// in the environment win over that file so a developer can point at their own code-server or browser.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface E2eEnv {
  home: string;
  /** Node 24: code-server refuses any other major. */
  node: string;
  /** code-server's out/node/entry.js */
  codeServer: string;
  chromium: string;
}

export function e2eHome(): string {
  return process.env.SKEW_E2E_HOME || path.join(os.homedir(), '.cache', 'skew-e2e');
}

function readEnvFile(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  const values: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [, key, value] = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim()) ?? [];
    if (key !== undefined && value !== undefined) values[key] = value;
  }
  return values;
}

export function loadE2eEnv(): E2eEnv {
  const home = e2eHome();
  const fromFile = readEnvFile(path.join(home, 'env'));
  const pick = (key: string) => process.env[key] || fromFile[key] || '';
  const env: E2eEnv = {
    home,
    node: pick('SKEW_E2E_NODE'),
    codeServer: pick('SKEW_E2E_CODE_SERVER'),
    chromium: pick('SKEW_E2E_CHROMIUM') || '/usr/bin/chromium',
  };
  for (const [what, file] of [['Node 24', env.node], ['code-server', env.codeServer], ['chromium', env.chromium]]) {
    if (!file || !fs.existsSync(file)) {
      throw new E2eSetupError(`${what} not found (${file || 'not configured'}): run .ci/e2e-setup.sh first`);
    }
  }
  return env;
}

/** A missing tool: reported as one line, not a stack trace. */
export class E2eSetupError extends Error {}
