import type * as Analysis from './analysis';

let loaded: typeof Analysis | undefined;

/**
 * The TypeScript side of a check, loaded on first use. Loading the compiler is most of a warm run's start-up,
 * and a run whose options and models all come from the cache never needs it. The bundler keeps a required
 * module's initialisation lazy, so this is also what keeps it out of the CLI's start-up.
 */
export function loadAnalysis(): typeof Analysis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy load this function exists for
  loaded ??= require('./analysis') as typeof Analysis;
  return loaded;
}
