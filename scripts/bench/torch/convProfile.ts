/**
 * Where a conv-net training step's time goes (./convStep.ts's networks), kernel by kernel: every
 * TF.js kernel of the backend is wrapped in a timer, then `steps` steps run after `warmup`, and a
 * table prints ms per step and calls per step for each phase and kernel name, the sum, the step's wall time
 * and the rest (JS outside kernels: the neuron scans' loops, the tape, tensor bookkeeping).
 *
 *   npx tsx scripts/bench/torch/convProfile.ts [--net template|B] [--backend wasm|cpu] [--T 64 --batch 16 --warmup 1 --steps 3]
 *
 * Kernels nest (a Spikelab op may run TF.js kernels inside), so a nested kernel's time is also in
 * its caller's; the table counts only the outermost. Never run by `npm test`.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// @ts-expect-error: a plain ES module without type declarations (bin/ is JavaScript)
import { bundleForNode } from '../../../bin/bundleForNode.mjs';
import { namedArgs } from '../namedArgs';
import { printProfile } from './profileTable';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');

async function main(): Promise<void> {
  const { list, int } = namedArgs(process.argv.slice(2));
  const net = list('net', ['B', 'template'] as const, 'template')[0];
  const backend = list('backend', ['wasm', 'cpu'] as const, 'wasm')[0];
  const o = { net, T: int('T', 64), B: int('batch', 16), warmup: int('warmup', 1), steps: int('steps', 3) };
  const outFile = join(root, 'node_modules', '.cache', 'spikelab', `conv-profile.${process.pid}.mjs`);
  await bundleForNode(join(here, 'convProfileRun.ts'), outFile);
  const { profileConvStep } = (await import(pathToFileURL(outFile).href)) as typeof import('./convProfileRun');
  rmSync(outFile);
  const p = await profileConvStep(backend, root, o);
  printProfile(`${net} on ${backend}, T ${o.T}, batch ${o.B}`, p);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
