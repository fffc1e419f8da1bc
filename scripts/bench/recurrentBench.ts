/**
 * The recurrent LIF layer fused vs step by step, under Node: ms per forward + BPTT step of the
 * recurrent template (700 → 128 recurrent LIF → 20 LI; src/engine/graph/templates.ts) on random
 * input spikes, gradients to every variable.
 *   npx tsx scripts/bench/recurrentBench.ts [--backend wasm,cpu] [--T 100 --batch 128 --hidden 128
 *     --density 0.05 --warmup 2 --steps 5]
 * Prints one JSON line per (backend, mode), mode:
 *   fused       the Program's fused path with the recurrent scan (src/engine/tensor/cpu/recurrentScan.ts)
 *   stepwise    the fused path for the other layers, the recurrent stage step by step (its kernel unregistered)
 *   plain       everything plain TF.js (path 'plain')
 * then one line per backend with the speed-ups of fused and the largest loss difference. The
 * measuring module (src/harness/bench/cpu/recurrentBench.ts) is bundled with esbuild first.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error: a plain ES module without type declarations (bin/ is JavaScript)
import { bundleForNode } from '../../bin/bundleForNode.mjs';
import type { RecurrentBenchResult } from '../../src/harness/bench/cpu/recurrentBench';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function parseArgs(argv: string[]) {
  const named = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`Expected --name value pairs, got "${argv.slice(i).join(' ')}".`);
    named.set(argv[i].slice(2), argv[i + 1]);
  }
  const num = (key: string, fallback: number) => {
    const v = Number(named.get(key) ?? fallback);
    if (!(v > 0)) throw new Error(`--${key} must be positive.`);
    return v;
  };
  const backends = (named.get('backend') ?? 'wasm').split(',') as Array<'wasm' | 'cpu'>;
  for (const b of backends) if (b !== 'wasm' && b !== 'cpu') throw new Error(`--backend takes wasm, cpu; got "${b}".`);
  return { backends, T: num('T', 100), B: num('batch', 128), H: num('hidden', 128), density: num('density', 0.05), warmup: num('warmup', 2), steps: num('steps', 5) };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const outFile = join(root, 'node_modules', '.cache', 'spikelab', `recurrent-bench.${process.pid}.mjs`);
  await bundleForNode(join(root, 'src', 'harness', 'bench', 'cpu', 'recurrentBench.ts'), outFile);
  const { benchRecurrent } = (await import(pathToFileURL(outFile).href)) as typeof import('../../src/harness/bench/cpu/recurrentBench');
  rmSync(outFile);
  for (const backend of o.backends) {
    const results: Record<string, RecurrentBenchResult> = {};
    for (const mode of ['fused', 'stepwise', 'plain'] as const) {
      results[mode] = await benchRecurrent(backend, mode, o);
      console.log(JSON.stringify(results[mode]));
    }
    console.log(JSON.stringify({
      backend, speedupFusedOverStepwise: Number((results.stepwise.medianMs / results.fused.medianMs).toFixed(2)),
      speedupFusedOverPlain: Number((results.plain.medianMs / results.fused.medianMs).toFixed(2)),
      maxLossDiff: Math.max(Math.abs(results.fused.loss - results.stepwise.loss), Math.abs(results.fused.loss - results.plain.loss)),
    }));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
