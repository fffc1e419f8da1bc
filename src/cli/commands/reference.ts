/**
 * `spikelab reference --hidden H --gain G [--batch B] [--T T]`: the correctness check of
 * docs/specs/bench.md §5 computed by the engine (workload A from its NIR graph, synthetic
 * samples, one forward and backward): loss, spike counts per layer, gradient L2 norms.
 */
import { numberOption, type ParsedArgs } from '../args';
import { BACKEND_OPTION, SPECS } from '../optionSpecs';
import { startBackendFor } from '../backendOption';
import { printJson } from '../output';
import { computeReferenceCheck } from '../../harness/bench/referenceCheck';
import type { Command } from '../command';

export const reference: Command = {
  name: 'reference',
  usage: 'spikelab reference [--hidden 128] [--gain 2] [--batch 8] [--T 256] [--backend wasm|cpu]',
  summary: 'Compute the bench.md §5 check (loss, spikes, gradient norms) for any hidden size and gain',
  options: { hidden: SPECS.count(100_000), gain: SPECS.NUMBER, batch: SPECS.count(100_000), T: SPECS.count(1_000_000), ...BACKEND_OPTION },
  maxPositionals: 0,
  async run(args: ParsedArgs) {
    const backend = await startBackendFor(args);
    const check = await computeReferenceCheck({
      H: numberOption(args, 'hidden', 128), gain: numberOption(args, 'gain', 2),
      B: numberOption(args, 'batch', 8), T: numberOption(args, 'T', 256),
    });
    printJson({ ...check, backend: backend.name });
    return 0;
  },
};
