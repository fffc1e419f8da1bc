/**
 * Workload W1 on the CPU backends (docs/cpu-path.md): ms per training step of the plain TF.js
 * path and the CPU fast path (fused JS scan + sparse spike matmul), on wasm and cpu, under Node.
 *   npx tsx scripts/cpu-bench.ts [--backend wasm,cpu] [--path plain,fused]
 *     [--T 100 --batch 256 --hidden 128 --warmup 3 --steps 5] [--session yes]
 * Prints one JSON line per (backend, path), then one line comparing the losses of the two paths
 * per backend. --session yes adds the fast path timed through TrainingSession.step (batch
 * gathered and uploaded every step, as the app trains). The measuring module
 * (src/harness/bench/cpu/w1Bench.ts) is bundled with esbuild first (bin/bundleForNode.mjs).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error: a plain ES module without type declarations (bin/ is JavaScript)
import { bundleForNode } from '../bin/bundleForNode.mjs';
import type { W1BenchOptions, W1BenchResult } from '../src/harness/bench/cpu/w1Bench';
import { namedArgs } from './bench/namedArgs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv: string[]): { backends: Array<'wasm' | 'cpu'>; paths: Array<'plain' | 'fused'>; session: boolean; options: W1BenchOptions } {
  const { list, int } = namedArgs(argv);
  return {
    backends: list('backend', ['wasm', 'cpu'] as const, 'wasm,cpu'),
    paths: list('path', ['plain', 'fused'] as const, 'plain,fused'),
    session: list('session', ['yes', 'no'] as const, 'no')[0] === 'yes',
    options: { T: int('T', 100), B: int('batch', 256), H: int('hidden', 128), warmup: int('warmup', 3), steps: int('steps', 5) },
  };
}

async function main(): Promise<number> {
  const { backends, paths, session, options } = parseArgs(process.argv.slice(2));
  const outFile = join(root, 'node_modules', '.cache', 'spikelab', `cpu-bench.${process.pid}.mjs`);
  await bundleForNode(join(root, 'src', 'harness', 'bench', 'cpu', 'w1Bench.ts'), outFile);
  const { benchW1, benchW1Session } = (await import(pathToFileURL(outFile).href)) as typeof import('../src/harness/bench/cpu/w1Bench');
  const { rmSync } = await import('node:fs');
  rmSync(outFile);
  for (const backend of backends) {
    const results: W1BenchResult[] = [];
    for (const path of paths) {
      const result = await benchW1(backend, path, options);
      results.push(result);
      console.log(JSON.stringify({ ...result, losses: result.losses.map((l) => Number(l.toFixed(6))) }));
    }
    if (session) {
      const result = await benchW1Session(backend, 'fused', options);
      console.log(JSON.stringify({ ...result, losses: result.losses.map((l) => Number(l.toFixed(6))) }));
    }
    if (results.length === 2) {
      const [a, b] = results;
      const relDiff = a.losses.map((l, i) => Math.abs(l - b.losses[i]) / Math.abs(b.losses[i]));
      console.log(JSON.stringify({
        workload: 'W1', backend, check: 'same loss', paths: [a.path, b.path], firstLoss: [a.losses[0], b.losses[0]],
        maxRelDiff: Math.max(...relDiff), speedup: Number((a.msPerStep / b.msPerStep).toFixed(2)),
      }));
    }
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
