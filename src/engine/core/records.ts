/**
 * Names read from files are data, never keys of Object.prototype: a node called `__proto__`,
 * `constructor` or `toString` must be an ordinary entry. Records keyed by such names are created
 * without a prototype, so `name in record`, `record[name] = value` and `Object.keys` mean what
 * they say.
 */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A prototype-free copy of `entries` (Object.fromEntries would inherit from Object.prototype). */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = emptyRecord<T>();
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** Whether `record` has its own entry `key` (safe for any key and any record). */
export function hasKey(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
