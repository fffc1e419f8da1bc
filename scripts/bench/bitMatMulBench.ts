/**
 * Micro-benchmark of W1's first layer reading the dataset's bits (src/harness/bench/cpu/bitMatMulBench.ts):
 * unpack to float + spikeMatMul against packedBatch + bitMatMul, forward + ∂W, on wasm and cpu
 * under Node. Prints one JSON line per (backend, case).
 *   npx tsx scripts/bench/bitMatMulBench.ts [--backend wasm,cpu] [--T 100 --batch 256 --inputs 700
 *     --outputs 128 --samples 512 --density 0.05 --warmup 2 --reps 7]
 * The measuring module is bundled with esbuild first (bin/bundleForNode.mjs), as scripts/cpu-bench.ts does.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error: a plain ES module without type declarations (bin/ is JavaScript)
import { bundleForNode } from '../../bin/bundleForNode.mjs';
import type { BitMatMulBenchOptions } from '../../src/harness/bench/cpu/bitMatMulBench';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function parseArgs(argv: string[]): { backends: Array<'wasm' | 'cpu'>; options: BitMatMulBenchOptions } {
  const named = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`Expected --name value pairs, got "${argv.slice(i).join(' ')}".`);
    named.set(argv[i].slice(2), argv[i + 1]);
  }
  const backends = (named.get('backend') ?? 'wasm,cpu').split(',');
  for (const b of backends) if (b !== 'wasm' && b !== 'cpu') throw new Error(`--backend takes wasm, cpu; got "${b}".`);
  const num = (key: string, fallback: number, integer = true) => {
    const v = Number(named.get(key) ?? fallback);
    if (!(v > 0) || (integer && !Number.isInteger(v))) throw new Error(`--${key} must be a positive ${integer ? 'integer' : 'number'}.`);
    return v;
  };
  return {
    backends: backends as Array<'wasm' | 'cpu'>,
    options: {
      T: num('T', 100), B: num('batch', 256), F: num('inputs', 700), O: num('outputs', 128), N: num('samples', 512),
      density: num('density', 0.05, false), warmup: num('warmup', 2), reps: num('reps', 7),
    },
  };
}

async function main(): Promise<number> {
  const { backends, options } = parseArgs(process.argv.slice(2));
  const outFile = join(root, 'node_modules', '.cache', 'spikelab', `bit-matmul-bench.${process.pid}.mjs`);
  await bundleForNode(join(root, 'src', 'harness', 'bench', 'cpu', 'bitMatMulBench.ts'), outFile);
  const { benchBitMatMul } = (await import(pathToFileURL(outFile).href)) as typeof import('../../src/harness/bench/cpu/bitMatMulBench');
  rmSync(outFile);
  for (const backend of backends) {
    for (const result of await benchBitMatMul(backend, options)) {
      console.log(JSON.stringify({ ...result, msMedian: Number(result.msMedian.toFixed(1)), msMin: Number(result.msMin.toFixed(1)), msMax: Number(result.msMax.toFixed(1)) }));
    }
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
