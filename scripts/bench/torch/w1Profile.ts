/**
 * Where a W1 training step's time goes (./w1Step.ts, the bench's workload W1 on the fast path),
 * kernel by kernel and phase by phase (./stepProfile.ts), and the rest outside kernels.
 *
 *   npx tsx scripts/bench/torch/w1Profile.ts [--backend wasm|cpu] [--T 100 --batch 256 --hidden 128 --n 1024 --warmup 3 --steps 10]
 *
 * Never run by `npm test`.
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
  const backend = list('backend', ['wasm', 'cpu'] as const, 'wasm')[0];
  const o = { T: int('T', 100), B: int('batch', 256), H: int('hidden', 128), n: int('n', 1024), warmup: int('warmup', 3), steps: int('steps', 10) };
  const outFile = join(root, 'node_modules', '.cache', 'spikelab', `w1-profile.${process.pid}.mjs`);
  await bundleForNode(join(here, 'w1Step.ts'), outFile);
  const { profileW1Step } = (await import(pathToFileURL(outFile).href)) as typeof import('./w1Step');
  rmSync(outFile);
  printProfile(`W1 on ${backend}, T ${o.T}, batch ${o.B}, H ${o.H}`, await profileW1Step(backend, o));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
