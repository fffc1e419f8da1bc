/**
 * Spoken digits (FSDD, 64 cochlea channels, 256 steps of 5 ms): a 256-wide LIF layer run at
 * dt = 0.25 ms, so the template's τ = 20 ms spans 80 steps (β = 1 − dt/τ = 0.9875, input gain
 * dt/1 ms = 0.25): the membranes integrate over a good part of a word, read out by their peak.
 */
import type { Recipe } from './types';

export const fsddRecipe: Recipe = {
  name: 'fsdd-lif',
  label: 'Spoken digits: 256 LIF, long memory, max-membrane CE',
  dataset: 'fsdd',
  network: { kind: 'lif', hidden: 256 },
  settings: { dt: 2.5e-4, epochs: 40, batchSize: 32, lr: 5e-3, loss: 'max_membrane_ce' },
  expected: {
    testAccuracy: { mean: 0.892, spread: 0.007 },
    seconds: 57,
    seeds: [0, 1, 2],
    machine: '2 shared cores, Node wasm backend',
    command: 'spikelab train --recipe fsdd-lif --seed 0',
  },
};
