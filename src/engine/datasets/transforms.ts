import { dataError } from './errors';
import { packedSteps } from './formats/bitpack';
import { featureSize, type SpikeDataset } from './spikeDataset';

/**
 * Small pure transforms over packed datasets (new arrays; the input is left as it is).
 *  - mergePolarities: [P, …rest] → [rest] by OR over the first axis. The NIR paper's Braille
 *    task fed the 12 taxels this way ("OR of ON and OFF events", paper/03_rnn/README.md).
 *  - selectClasses: keeps the samples of the named classes and renumbers them in the given order
 *    (the NIR paper's Braille RNN uses Space, A, E, I, O, U, Y).
 */
export function mergePolarities(dataset: SpikeDataset): SpikeDataset {
  const [P, ...rest] = dataset.featureShape;
  if (rest.length === 0) {
    throw dataError('DATA_BAD_OPTIONS', `${dataset.id} has features [${dataset.featureShape.join(', ')}]: no polarity axis to merge.`, 'Merge only sets whose first feature axis is the polarity (e.g. [2, 12]).', dataset.id);
  }
  const F = featureSize(dataset);
  const G = F / P;
  const rows = dataset.n * packedSteps(dataset.T);
  const packed = new Uint8Array(rows * G);
  for (let r = 0; r < rows; r++) {
    for (let p = 0; p < P; p++) {
      for (let g = 0; g < G; g++) packed[r * G + g] |= dataset.packed[r * F + p * G + g];
    }
  }
  return { ...dataset, featureShape: rest, packed };
}

export function selectClasses(dataset: SpikeDataset, names: string[]): SpikeDataset {
  const map = names.map((name) => {
    const c = dataset.classes.indexOf(name);
    if (c < 0) throw dataError('DATA_BAD_OPTIONS', `${dataset.id} has no class "${name}".`, `Choose among: ${dataset.classes.join(', ')}.`, dataset.id);
    return c;
  });
  const keep: number[] = [];
  for (let i = 0; i < dataset.n; i++) if (map.includes(dataset.labels[i])) keep.push(i);
  const bytes = packedSteps(dataset.T) * featureSize(dataset);
  const packed = new Uint8Array(keep.length * bytes);
  keep.forEach((i, j) => packed.set(dataset.packed.subarray(i * bytes, (i + 1) * bytes), j * bytes));
  return {
    ...dataset, n: keep.length, packed, classes: names,
    labels: Uint8Array.from(keep, (i) => map.indexOf(dataset.labels[i])),
  };
}
