/**
 * Workload W1 on the CPU path against hand-fused PyTorch, side by side in one run (issue 18's
 * target: Spikelab at no more than a third of PyTorch's time): Spikelab's W1 step (./w1Step.ts, on
 * wasm and/or cpu) and the same network, batch and T in PyTorch (./w1_fused.py, Debian's
 * python3-torch on OpenBLAS, 2 threads), interleaved round by round, so the machine's load falls on both.
 *
 *   npx tsx scripts/bench/torch/w1SideBySide.ts [--backend wasm,cpu]
 *     [--T 100 --batch 256 --hidden 128 --n 1024 --rounds 3 --warmup 3 --steps 10 --threads 2]
 *
 * Prints a JSON line per measurement (one side, one round: the median of `steps` steps after
 * `warmup`), then per backend one summary line: the median of the round medians of each side,
 * their ratio, and the load average. Never run by `npm test`.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error: a plain ES module without type declarations (bin/ is JavaScript)
import { bundleForNode } from '../../../bin/bundleForNode.mjs';
import { namedArgs } from '../namedArgs';
import { ensureTorch, median, openBlasDir, runTorchScript } from './torchSide';
import type { W1StepOptions } from './w1Step';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

async function main(): Promise<void> {
  const { list, int } = namedArgs(process.argv.slice(2));
  const backends = list('backend', ['wasm', 'cpu'] as const, 'wasm');
  const o: W1StepOptions = { T: int('T', 100), B: int('batch', 256), H: int('hidden', 128), n: int('n', 1024), warmup: int('warmup', 3), steps: int('steps', 10) };
  const rounds = int('rounds', 3);
  const threads = int('threads', 2);
  ensureTorch();
  const blas = openBlasDir(root);
  const outFile = join(root, 'node_modules', '.cache', 'spikelab', `w1-side-by-side.${process.pid}.mjs`);
  await bundleForNode(join(here, 'w1Step.ts'), outFile);
  const { benchW1Step } = (await import(pathToFileURL(outFile).href)) as typeof import('./w1Step');
  rmSync(outFile);
  const ours = new Map<string, number[]>(backends.map((b) => [b, []]));
  const theirs: number[] = [];
  const torchArgs = ['--T', o.T, '--batch', o.B, '--hidden', o.H, '--warmup', o.warmup, '--steps', o.steps, '--threads', threads].map(String);
  for (let round = 1; round <= rounds; round++) {
    for (const backend of backends) {
      const r = await benchW1Step(backend, o);
      ours.get(backend)!.push(r.ms_per_step);
      console.log(JSON.stringify({ round, side: 'spikelab', ...r, load: loadavg()[0] }));
    }
    const t = runTorchScript(join(here, 'w1_fused.py'), torchArgs, { LD_LIBRARY_PATH: blas });
    theirs.push(t.ms_per_step as number);
    console.log(JSON.stringify({ round, side: 'pytorch', ...t, blas, load: loadavg()[0] }));
  }
  for (const backend of backends) {
    const spikelab = median(ours.get(backend)!);
    const pytorch = median(theirs);
    console.log(JSON.stringify({
      summary: 'median of round medians', workload: 'W1', backend, T: o.T, B: o.B, H: o.H, rounds, torch_threads: threads,
      spikelab_ms: spikelab, pytorch_ms: pytorch, spikelab_over_pytorch: Number((spikelab / pytorch).toFixed(3)), target: 1 / 3,
      load: loadavg().map((l) => Number(l.toFixed(2))),
    }));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
