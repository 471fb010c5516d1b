// A minimal test runner for the extension host (mocha is not a dependency): tests are plain async functions
// registered with test(); run() executes them in order and reports to whoever started the extension host:
// a results file when SKEW_TEST_RESULTS_FILE is set (the code-server runner), the console, and by rejecting
// when anything failed (VS Code turns that into a non-zero exit code).
import * as fs from 'node:fs';

type TestFn = () => Promise<void> | void;

interface Registered {
  title: string;
  fn: TestFn;
  timeoutMs: number;
}

const registered: Registered[] = [];

export function test(title: string, fn: TestFn, timeoutMs = 60_000): void {
  registered.push({ title, fn, timeoutMs });
}

/** Polls `probe` until it returns a value other than undefined; diagnostics and activation arrive asynchronously. */
export async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function withTimeout(t: Registered): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs);
    Promise.resolve()
      .then(t.fn)
      .then(
        () => { clearTimeout(timer); resolve(); },
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the test's own rejection on as it is
        (e: unknown) => { clearTimeout(timer); reject(e); },
      );
  });
}

export async function runRegisteredTests(context: Record<string, string> = {}): Promise<void> {
  const results = { passed: [] as string[], failed: [] as { title: string; error: string }[], node: process.version, ...context };
  for (const t of registered) {
    try {
      await withTimeout(t);
      results.passed.push(t.title);
      console.log(`  ok    ${t.title}`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      results.failed.push({ title: t.title, error });
      console.log(`  FAIL  ${t.title}\n${error}`);
    }
  }
  const out = process.env.SKEW_TEST_RESULTS_FILE;
  if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
  if (results.failed.length > 0) throw new Error(`${results.failed.length} of ${registered.length} tests failed`);
  if (registered.length === 0) throw new Error('no tests registered');
}
