/**
 * `--name value` pairs of a bench script's command line, read as lists of allowed words and as
 * positive integers (scripts/cpu-bench.ts, scripts/bench/torch/convSideBySide.ts).
 */
export interface NamedArgs {
  /** The comma-separated words of `--key` (or `fallback`), each one of `allowed`. */
  list<T extends string>(key: string, allowed: readonly T[], fallback: string): T[];
  /** `--key` (or `fallback`) as a positive integer. */
  int(key: string, fallback: number): number;
}

export function namedArgs(argv: string[]): NamedArgs {
  const named = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`Expected --name value pairs, got "${argv.slice(i).join(' ')}".`);
    named.set(argv[i].slice(2), argv[i + 1]);
  }
  return {
    list<T extends string>(key: string, allowed: readonly T[], fallback: string): T[] {
      const values = (named.get(key) ?? fallback).split(',');
      for (const v of values) if (!allowed.includes(v as T)) throw new Error(`--${key} takes ${allowed.join(', ')}; got "${v}".`);
      return values as T[];
    },
    int(key: string, fallback: number): number {
      const v = Number(named.get(key) ?? fallback);
      if (!Number.isInteger(v) || v < 1) throw new Error(`--${key} must be a positive integer.`);
      return v;
    },
  };
}
