/**
 * The CPU conv-net comparison, side by side in one run: Spikelab's training step (./convStep.ts,
 * on wasm and/or cpu) and the same network, batch and T in PyTorch (./nmnist_conv.py, Debian's
 * python3-torch on OpenBLAS, ./torchSide.ts, 2 threads), interleaved round by round, so the
 * machine's load falls on both.
 *
 *   npx tsx scripts/bench/torch/convSideBySide.ts [--net B,template] [--backend wasm,cpu]
 *     [--T 64 --batch 16 --rounds 3 --warmup 1 --steps 3 --threads 2 --lif fused|loop]
 *
 * Prints a JSON line per measurement (one side, one round: the median of `steps` steps after
 * `warmup`), then per (net, backend) one summary line: the median of the round medians of each
 * side, their ratio, and the load average. PyTorch is installed with apt-get when /usr/bin/python3
 * cannot import it. Never run by `npm test`.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error: a plain ES module without type declarations (bin/ is JavaScript)
import { bundleForNode } from '../../../bin/bundleForNode.mjs';
import type { ConvNet, ConvStepResult } from './convStep';
import { namedArgs } from '../namedArgs';
import { ensureTorch, median, openBlasDir, runTorchScript } from './torchSide';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

interface Args {
  nets: ConvNet[];
  backends: Array<'wasm' | 'cpu'>;
  T: number;
  B: number;
  rounds: number;
  warmup: number;
  steps: number;
  threads: number;
  lif: string;
}

function parseArgs(argv: string[]): Args {
  const { list, int } = namedArgs(argv);
  return {
    nets: list('net', ['B', 'template'] as const, 'B,template'), backends: list('backend', ['wasm', 'cpu'] as const, 'wasm'),
    T: int('T', 64), B: int('batch', 16), rounds: int('rounds', 3), warmup: int('warmup', 1), steps: int('steps', 3),
    threads: int('threads', 2), lif: list('lif', ['fused', 'loop'] as const, 'fused')[0],
  };
}

/** One PyTorch measurement, on OpenBLAS (./torchSide.ts) as the W1 comparison and docs/specs/webgpu.md's baseline. */
function torchStep(net: ConvNet, a: Args, blas: string): Record<string, unknown> {
  return runTorchScript(join(here, 'nmnist_conv.py'), ['--net', net, '--T', String(a.T), '--batch', String(a.B),
    '--warmup', String(a.warmup), '--steps', String(a.steps), '--threads', String(a.threads), '--lif', a.lif], { LD_LIBRARY_PATH: blas });
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  ensureTorch();
  const blas = openBlasDir(root);
  const outFile = join(root, 'node_modules', '.cache', 'spikelab', `conv-side-by-side.${process.pid}.mjs`);
  await bundleForNode(join(here, 'convStep.ts'), outFile);
  const { benchConvStep } = (await import(pathToFileURL(outFile).href)) as typeof import('./convStep');
  rmSync(outFile);
  const ours = new Map<string, number[]>();
  const theirs = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, key: string, v: number) => m.set(key, [...(m.get(key) ?? []), v]);
  for (let round = 1; round <= a.rounds; round++) {
    for (const net of a.nets) {
      for (const backend of a.backends) {
        const r: ConvStepResult = await benchConvStep(backend, root, { net, T: a.T, B: a.B, warmup: a.warmup, steps: a.steps });
        push(ours, `${net} ${backend}`, r.ms_per_step);
        console.log(JSON.stringify({ round, side: 'spikelab', ...r, load: loadavg()[0] }));
      }
      const t = torchStep(net, a, blas);
      push(theirs, net, t.ms_per_step as number);
      console.log(JSON.stringify({ round, side: 'pytorch', ...t, load: loadavg()[0] }));
    }
  }
  for (const net of a.nets) {
    for (const backend of a.backends) {
      const spikelab = median(ours.get(`${net} ${backend}`)!);
      const pytorch = median(theirs.get(net)!);
      console.log(JSON.stringify({
        summary: 'median of round medians', net, backend, T: a.T, B: a.B, rounds: a.rounds, torch_threads: a.threads, torch_lif: a.lif,
        spikelab_ms: spikelab, pytorch_ms: pytorch, spikelab_over_pytorch: Number((spikelab / pytorch).toFixed(3)), load: loadavg().map((l) => Number(l.toFixed(2))),
      }));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
