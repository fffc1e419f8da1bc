/**
 * The benchmark on a real GPU without a browser: TF.js's WebGPU backend and the lab's fused WGSL
 * kernels running in Node on Dawn (the `webgpu` npm package's dawn.node, Vulkan underneath).
 * Used for the device check on an NVIDIA machine, which has no Chromium and no network
 * (scripts/bench/device-webgpu.sh carries Node, dawn.node and this script bundled by esbuild).
 * Prints one JSON line per cell in ../shared/specs/bench.md §6's format (runBenchCell), after the
 * §5 check on the same backend and path.
 *
 *   DAWN_NODE=/path/to/dawn.node node bench.mjs [A|A-large|C|W1 …]
 */
import { createRequire } from 'node:module';
import type { BenchOptions } from '../../src/harness/bench/benchTypes';

interface Dawn {
  create(flags: string[]): GPU;
  globals: Record<string, unknown>;
}

const CELLS: Record<string, Array<Omit<BenchOptions, 'backend' | 'path'>>> = {
  A: [{ workload: 'A', T: 256, batch: 128, hidden: 128, warmup: 5, steps: 20, repeats: 3, latencySteps: 10 }],
  'A-large': [{ workload: 'A', T: 256, batch: 256, hidden: 512, warmup: 3, steps: 10, repeats: 3, latencySteps: 5 }],
  C: [{ workload: 'C', T: 500, batch: 16, hidden: 4096, warmup: 2, repeats: 3 }],
  W1: [{ workload: 'W1', T: 100, batch: 256, hidden: 128, warmup: 3, steps: 10, repeats: 3, latencySteps: 5 }],
};

async function main(): Promise<void> {
  const dawnPath = process.env.DAWN_NODE;
  if (!dawnPath) throw new Error('Set DAWN_NODE to the path of dawn.node (npm package "webgpu", dist/linux-x64/dawn.node).');
  const dawn = createRequire(import.meta.url)(dawnPath) as Dawn;
  Object.assign(globalThis, dawn.globals);
  // tfjs-backend-webgpu registers itself at import time when navigator.gpu exists (Node 20 has no navigator).
  Object.defineProperty(globalThis, 'navigator', { value: { gpu: dawn.create([]) }, configurable: true });
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  await import('@tensorflow/tfjs-backend-webgpu');
  await import('../../src/engine/tensor/webgpu/register');
  const { runBenchCell } = await import('../../src/harness/bench/runBench');
  if (!(await tf.setBackend('webgpu')) || tf.getBackend() !== 'webgpu') throw new Error('TF.js could not start its WebGPU backend on Dawn.');
  const adapter = await (globalThis.navigator as Navigator).gpu.requestAdapter({ powerPreference: 'high-performance' });
  const device = adapter ? `${adapter.info.vendor} ${adapter.info.architecture} ${adapter.info.device} ${adapter.info.description}`.trim() : 'unknown';
  console.log(JSON.stringify({ event: 'adapter', device, node: process.version }));
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['A', 'C', 'W1', 'A-large'];
  for (const name of wanted) {
    for (const cell of CELLS[name] ?? []) {
      for (const path of ['fused', 'plain'] as const) {
        if (name === 'A-large' && path === 'plain') continue;
        const started = Date.now();
        try {
          const result = await runBenchCell({ ...cell, backend: 'webgpu', path, device, check: cell.workload === 'A' });
          console.log(JSON.stringify({ ...result, wall_s: (Date.now() - started) / 1000 }));
        } catch (error) {
          console.log(JSON.stringify({ workload: cell.workload, path, error: error instanceof Error ? error.message : String(error) }));
        }
      }
    }
  }
}

main().then(() => process.exit(0), (error) => {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
