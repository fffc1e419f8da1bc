/**
 * N-MNIST in 40 bins (2×34×34 events, the Spyx loader's binning): the event frames flattened into
 * a 256-wide LIF layer at the template's dt = 1 ms, read out by the gain-normalised mean membrane
 * (the default loss), lr 2e-2 with a cosine schedule.
 */
import type { Recipe } from './types';

export const nmnistRecipe: Recipe = {
  name: 'nmnist-lif',
  label: 'N-MNIST (40 bins): 256 LIF, mean-membrane CE, cosine lr 2e-2',
  dataset: 'nmnist40',
  network: { kind: 'lif', hidden: 256 },
  settings: { epochs: 12, batchSize: 32, lr: 2e-2, loss: 'mean_membrane_ce', schedule: { kind: 'cosine', warmupEpochs: 1 } },
  expected: {
    testAccuracy: { mean: 0.923, spread: 0.04 },
    seconds: 26,
    seeds: [0, 1, 2],
    machine: '2 shared cores, Node wasm backend',
    command: 'spikelab train --recipe nmnist-lif --seed 0',
  },
};
