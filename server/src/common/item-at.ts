/**
 * `items[index]` where the caller has proved the index in range (a length check away, a capture group the
 * pattern cannot skip). A broken proof throws here instead of passing `undefined` on to code typed not to expect it.
 */
export function itemAt<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`No item at index ${index} of ${items.length}.`);
  return item;
}
