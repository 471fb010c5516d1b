/**
 * Long computations are written as generators that `yield` between units of work (a contract, a phase). The
 * CLI runs them straight through; the language server runs them in slices, so that requests arriving
 * meanwhile (a hover, another document's edit) are answered while a heavy check is still under way.
 */
export type Steps<T> = Generator<void, T, void>;

/** Long enough that the pauses cost nothing measurable, short enough that a hover never seems to wait. */
const SLICE_MS = 40;

/** Runs every step at once. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, letting the event loop in whenever a slice of time has passed since it last did. */
export async function runSliced<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since < sliceMs) continue;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  }
}
