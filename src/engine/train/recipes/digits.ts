/** Digits 8×8 (sklearn): a 256-wide LIF layer read out by its peak membrane, rate-coded to 32 steps. */
import type { Recipe } from './types';

export const digitsRecipe: Recipe = {
  name: 'digits-lif',
  label: 'Digits 8×8: 256 LIF, max-membrane CE',
  dataset: 'digits',
  network: { kind: 'lif', hidden: 256 },
  settings: { T: 32, epochs: 10, batchSize: 32, lr: 2e-3, loss: 'max_membrane_ce' },
  expected: {
    testAccuracy: { mean: 0.975, spread: 0.012 },
    seconds: 14,
    seeds: [0, 1, 2],
    machine: '2 shared cores, Node wasm backend',
    command: 'spikelab train --recipe digits-lif --seed 0',
  },
};
