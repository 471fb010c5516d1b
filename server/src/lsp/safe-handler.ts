/**
 * Wraps a request or notification handler so an unexpected exception is logged to the client's console and
 * answered with `fallback`, instead of taking the server down or leaving the request unanswered.
 */
export function safe<P extends unknown[], R>(
  name: string,
  log: (line: string) => void,
  fallback: R,
  handler: (...args: P) => R | Promise<R>,
): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await handler(...args);
    } catch (e) {
      log(`Skew: ${name} failed unexpectedly: ${(e as Error)?.stack ?? String(e)}`);
      return fallback;
    }
  };
}
