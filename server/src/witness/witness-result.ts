import type { Direction } from '../engine/finding';

/** Which version writes a witness's value. */
export type VersionName = 'baseline' | 'this version';

export interface Witness {
  /** `rejected`: the reader refuses the value; `misread`: the reader accepts it as something else (an enum value). */
  kind: 'rejected' | 'misread';
  /**
   * A JSON value; under superjson or structured clone it may hold what that codec carries (a `Date` instance, a
   * `Map`, a bigint), to be handed to the codec as it is and shown with `showValue`.
   */
  value: unknown;
  /** Which version writes (or, for a request, sends) the value. */
  writer: VersionName;
  /** The direction the value demonstrates. */
  direction: Direction;
  explanation: string;
}

/** What a witness search answers: the value that shows a break, or why there is none. */
export type WitnessResult = Witness | { none: string };
