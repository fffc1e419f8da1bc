/**
 * The table of a step profile (./stepProfile.ts), printed by ./convProfile.ts and ./w1Profile.ts:
 * one line per phase and kernel name (CPU ms per step, calls per step), the sum over kernels, the
 * phases as a whole, and the rest of the mean step outside kernels (JS: the neuron scans' loops,
 * the tape, tensor bookkeeping). Free of TF.js, so the unbundled scripts can import it.
 */
import { loadavg } from 'node:os';
import type { StepProfile } from './stepProfile';

export function printProfile(title: string, p: StepProfile): void {
  const rows = p.kernels.filter((r) => !r.name.startsWith('[phase]')).sort((a, b) => a.name.split(' ')[0].localeCompare(b.name.split(' ')[0]) || b.ms - a.ms);
  const phases = p.kernels.filter((r) => r.name.startsWith('[phase]'));
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${title}: ${p.stepMs.toFixed(1)} CPU ms per step (median), load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const r of rows) console.log(`  ${pad(r.name, 40)} ${r.ms.toFixed(1).padStart(7)} ms  ${r.calls.toFixed(1).padStart(6)} calls`);
  const inKernels = rows.reduce((s, r) => s + r.ms, 0);
  console.log(`  ${pad('Σ kernels', 40)} ${inKernels.toFixed(1).padStart(7)} ms`);
  for (const r of phases) console.log(`  ${pad(r.name, 40)} ${r.ms.toFixed(1).padStart(7)} ms (kernels included)`);
  console.log(`  ${pad('rest (JS outside kernels)', 40)} ${(p.meanStepMs - inKernels).toFixed(1).padStart(7)} ms (of the mean step, ${p.meanStepMs.toFixed(1)} ms)`);
}
