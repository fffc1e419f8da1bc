/**
 * Braille letters (12 taxels × ON/OFF, 384 steps of 5 ms, 27 classes): a 256-wide LIF layer at the
 * template's dt = 1 ms, read out by the gain-normalised mean membrane (the default loss, which
 * takes a large learning rate), lr 2e-2 with a cosine schedule.
 */
import type { Recipe } from './types';

export const brailleRecipe: Recipe = {
  name: 'braille-lif',
  label: 'Braille: 256 LIF, mean-membrane CE, cosine lr 2e-2',
  dataset: 'braille',
  network: { kind: 'lif', hidden: 256 },
  settings: { epochs: 10, batchSize: 32, lr: 2e-2, loss: 'mean_membrane_ce', schedule: { kind: 'cosine', warmupEpochs: 1 } },
  expected: {
    testAccuracy: { mean: 0.930, spread: 0.029 },
    seconds: 118,
    seeds: [0, 1, 2],
    machine: '2 shared cores, Node wasm backend',
    command: 'spikelab train --recipe braille-lif --seed 0',
  },
};
