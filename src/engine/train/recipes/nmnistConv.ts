/**
 * N-MNIST in 40 bins through the NIR paper's CNN (./nirPaperCnn.ts: three conv/LIF layers, two
 * sum-pools, 256 LIF, LI readout) at the templates' dt = 1 ms, read out by the gain-normalised mean
 * membrane (the default loss), lr 2e-2 with a cosine schedule, 10 epochs: the dense recipe's
 * settings (./nmnist.ts) on the conv net; docs/recipes.md has the tuning.
 */
import type { Recipe } from './types';

export const nmnistConvRecipe: Recipe = {
  name: 'nmnist-conv',
  label: 'N-MNIST (40 bins): NIR paper CNN (LIF), mean-membrane CE, cosine lr 2e-2',
  dataset: 'nmnist40',
  network: { kind: 'nir-cnn' },
  settings: { epochs: 10, batchSize: 32, lr: 2e-2, loss: 'mean_membrane_ce', schedule: { kind: 'cosine', warmupEpochs: 1 } },
  expected: {
    testAccuracy: { mean: 0.933, spread: 0.04 },
    seconds: 203,
    seeds: [0, 1, 2],
    machine: '2 shared cores, Node wasm backend',
    command: 'spikelab train --recipe nmnist-conv --seed 0',
  },
};
