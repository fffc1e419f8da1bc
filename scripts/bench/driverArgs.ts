/** The browser driver's arguments and the bench page query they become (see ./browserBench.ts). */
const KEYS = ['workload', 'backend', 'path', 'T', 'batch', 'hidden', 'n', 'warmup', 'steps', 'repeats', 'latency', 'check', 'data'] as const;
const SIZES = ['T', 'batch', 'hidden', 'n', 'warmup', 'steps', 'repeats', 'latency'];

export interface DriverArgs {
  values: Partial<Record<(typeof KEYS)[number], string>>;
  full: boolean;
  build: boolean;
}

export function parseDriverArgs(argv: string[]): DriverArgs {
  const out: DriverArgs = { values: {}, full: false, build: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (name === 'full') out.full = true;
    else if (name === 'build') out.build = true;
    else if ((KEYS as readonly string[]).includes(name) && i + 1 < argv.length) out.values[name as (typeof KEYS)[number]] = argv[++i];
    else throw new Error(`unknown or incomplete option ${argv[i]}`);
  }
  return out;
}

/** ?autorun=1&…; with --full, sizes not given are sent empty so the page uses the spec's defaults. */
export function pageQuery(args: DriverArgs): string {
  const q = new URLSearchParams({ autorun: '1' });
  for (const [k, v] of Object.entries(args.values)) q.set(k, v);
  if (args.full) for (const k of SIZES) if (!q.has(k)) q.set(k, '');
  return q.toString();
}
