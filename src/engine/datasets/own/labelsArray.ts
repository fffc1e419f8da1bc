/**
 * The labels of a dropped dataset: [N] whole numbers 0…255 (any integer dtype, bool, or floats that
 * are whole), [N, 1], or one-hot [N, C]. The class names come from a string array when one was
 * given (np.savez(..., classes=np.array(["left", "right"]))), else "0", "1", …, up to the largest label.
 */
import { describeNpy } from '../formats/npy';
import { readNpyNumbers, type NpyArray } from '../formats/npyArray';
import { ownDataError } from './errors';

const MAX_CLASSES = 256;

export interface Labels {
  labels: Uint8Array;
  classes: string[];
  /** Samples per class. */
  counts: number[];
}

function badLabels(array: NpyArray, what: string, hint: string): never {
  throw ownDataError('DATA_BAD_LABELS', `${array.where} (${describeNpy(array.header)}) are not usable labels: ${what}.`, hint, array.where);
}

const LABEL_HINT = 'Labels are class indices 0, 1, 2…: save y.astype(np.int64) with shape [N] (np.argmax(y, 1) for one-hot).';

export async function readLabels(array: NpyArray, N: number, classNames?: string[]): Promise<Labels> {
  const { shape, dtype } = array.header;
  if (dtype.kind === 'U' || dtype.kind === 'S') badLabels(array, 'they are strings', `${LABEL_HINT} Put the names in a separate "classes" array.`);
  if (shape[0] !== N) badLabels(array, `there are ${shape[0] ?? 'no'} of them for the ${N} samples of the spikes`, `Give one label per sample (shape [${N}]).`);
  const width = shape.length === 1 ? 1 : shape.length === 2 ? shape[1] : -1;
  if (width < 1) badLabels(array, 'they are not one label per sample', LABEL_HINT);
  if (width > MAX_CLASSES) badLabels(array, `${width} columns is more than the ${MAX_CLASSES} classes a dataset may have`, LABEL_HINT);
  const values = await readNpyNumbers(array);
  const labels = new Uint8Array(N);
  let largest = -1;
  for (let i = 0; i < N; i++) {
    let label: number;
    if (width === 1) label = values[i];
    else {
      label = -1;
      for (let c = 0; c < width; c++) {
        const v = values[i * width + c];
        if (v === 1 && label < 0) label = c;
        else if (v !== 0) badLabels(array, `row ${i} is not one-hot (a single 1 among 0s)`, LABEL_HINT);
      }
      if (label < 0) badLabels(array, `row ${i} is all zeros`, LABEL_HINT);
    }
    if (!Number.isInteger(label) || label < 0 || label >= MAX_CLASSES) {
      badLabels(array, `label ${label} of sample ${i} is not a whole number from 0 to ${MAX_CLASSES - 1}`, LABEL_HINT);
    }
    labels[i] = label;
    if (label > largest) largest = label;
  }
  const count = classNames ? classNames.length : Math.max(largest + 1, width > 1 ? width : 0);
  if (classNames && largest >= classNames.length) badLabels(array, `label ${largest} is past the ${classNames.length} class names given`, 'Give one name per class, in label order.');
  const counts = new Array<number>(count).fill(0);
  for (const label of labels) counts[label]++;
  return { labels, classes: classNames ?? Array.from({ length: count }, (_, i) => String(i)), counts };
}
