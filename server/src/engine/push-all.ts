/**
 * Appends every item. `target.push(...items)` passes each item as an argument on the stack, which overflows
 * once a contract has some hundred thousand fields.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
