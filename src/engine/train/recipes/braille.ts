/**
 * Braille letters (12 taxels × ON/OFF, 384 steps of 5 ms, 27 classes): a 256-wide LIF layer at the
 * template's dt = 1 ms, read out by its peak membrane, with a cosine learning rate.
 */
import type { Recipe } from './types';

export const brailleRecipe: Recipe = {
  name: 'braille-lif',
  label: 'Braille: 256 LIF, max-membrane CE, cosine lr',
  dataset: 'braille',
  network: { kind: 'lif', hidden: 256 },
  settings: { epochs: 20, batchSize: 32, lr: 5e-3, loss: 'max_membrane_ce', schedule: { kind: 'cosine', warmupEpochs: 1 } },
  expected: {
    testAccuracy: { mean: 0.455, spread: 0.326 },
    seconds: 174,
    seeds: [0, 1, 2],
    machine: '2 shared cores, Node wasm backend',
    command: 'spikelab train --recipe braille-lif --seed 0',
  },
};
