/**
 * A value from a lookup table by a key that may come from users (a typed answer, a form field): only the
 * table's own keys count, so `constructor`, `__proto__` or `toString` never find Object.prototype's members.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
