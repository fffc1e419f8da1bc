/** MNIST (first 10k, rate-coded to 16 steps at load): a 512-wide LIF layer read out by its peak membrane. */
import type { Recipe } from './types';

export const mnistRecipe: Recipe = {
  name: 'mnist-lif',
  label: 'MNIST spike-coded: 512 LIF, max-membrane CE',
  dataset: 'mnist',
  network: { kind: 'lif', hidden: 512 },
  settings: { T: 16, epochs: 10, batchSize: 32, lr: 2e-3, loss: 'max_membrane_ce' },
  expected: {
    testAccuracy: { mean: 0.954, spread: 0.004 },
    seconds: 169,
    seeds: [0, 1, 2],
    machine: '2 shared cores, Node wasm backend',
    command: 'spikelab train --recipe mnist-lif --seed 0',
  },
};
