/**
 * Which of the dropped arrays (the entries of a .npz, or several .npy files dropped together) are
 * the spikes, the labels, a test split, the class names and dt. By name first, case-insensitive:
 *   spikes: spikes, x, data, inputs, input, events, features, frames, samples
 *   labels: labels, label, y, targets, target (or a numeric "classes")
 *   a split: a train/test/val prefix or suffix (x_train, y_test, train_spikes, spikes-val…)
 *   class names: a string array named classes, class_names, names or label_names
 *   dt: a one-number array named dt (seconds per step)
 * and, when the names say nothing, by shape: one array with 3 or more axes and one with as many
 * rows as it has samples. Anything else is DATA_NOT_SPIKES, naming the arrays that were found.
 */
import { describeNpy } from '../formats/npy';
import type { NpyArray } from '../formats/npyArray';
import { ownDataError, SAVE_HINT } from './errors';
import { spikeShape } from './spikeArray';

const SPIKE_NAMES = new Set(['spikes', 'spike', 'x', 'data', 'inputs', 'input', 'events', 'features', 'frames', 'samples']);
const LABEL_NAMES = new Set(['labels', 'label', 'y', 'targets', 'target', 'classes']);
const CLASS_NAME_NAMES = new Set(['classes', 'class_names', 'classnames', 'names', 'label_names']);
const SPLITS: Record<string, SplitName> = { train: 'train', training: 'train', test: 'test', testing: 'test', val: 'valid', valid: 'valid', validation: 'valid' };
const SPLIT_WORD = '(train|training|test|testing|val|valid|validation)';
const NAME = new RegExp(`^(?:${SPLIT_WORD}[_\\-. ])?(.+?)(?:[_\\-. ]${SPLIT_WORD})?$`);

type SplitName = 'train' | 'test' | 'valid' | '';

export interface ArrayPair {
  spikes: NpyArray;
  labels: NpyArray;
}

export interface PickedArrays {
  train: ArrayPair;
  /** The test split (or the validation split when there is no test). */
  test?: ArrayPair & { split: 'test' | 'valid' };
  classNames?: NpyArray;
  dt?: NpyArray;
}

const isText = (a: NpyArray) => a.header.dtype.kind === 'U' || a.header.dtype.kind === 'S';

function parseName(name: string): { split: SplitName; base: string } {
  const lower = name.toLowerCase();
  if (SPLITS[lower]) return { split: '', base: lower };
  const m = NAME.exec(lower);
  if (!m) return { split: '', base: lower };
  const word = m[1] ?? m[3];
  return { split: word ? SPLITS[word] : '', base: m[2] };
}

/** "a uint8 [100, 50, 20], b int64 [100]", for messages. */
export function listArrays(arrays: readonly NpyArray[]): string {
  return arrays.map((a) => `${a.name} ${describeNpy(a.header)}`).join(', ');
}

function notSpikes(what: string, arrays: readonly NpyArray[], where: string, hint = SAVE_HINT): never {
  throw ownDataError('DATA_NOT_SPIKES', `${where} ${what}. It holds: ${listArrays(arrays)}. Expected spikes [N, T, F…] named spikes, x or data, and labels [N] named labels or y.`, hint, where);
}

/** By shape, when no names fit: one array with ≥ 3 axes, one with as many rows as it has samples. */
function byShape(numeric: NpyArray[], arrays: readonly NpyArray[], where: string): ArrayPair {
  const spikes = numeric.filter((a) => a.header.shape.length >= 3);
  if (spikes.length !== 1) notSpikes(spikes.length === 0 ? 'has no array with 3 or more axes [N, T, F…] to use as spikes' : 'has several arrays with 3 or more axes and no names that say which are the spikes', arrays, where);
  const N = spikes[0].header.shape[0];
  const labels = numeric.filter((a) => a !== spikes[0] && a.header.shape.length <= 2 && a.header.shape[0] === N);
  if (labels.length !== 1) notSpikes(labels.length === 0 ? `has no labels array with ${N} rows, one per sample` : 'has several arrays that could be the labels and no names that say which', arrays, where);
  return { spikes: spikes[0], labels: labels[0] };
}

export function pickArrays(arrays: readonly NpyArray[], where: string): PickedArrays {
  const numeric = arrays.filter((a) => !isText(a));
  const groups = new Map<SplitName, Partial<ArrayPair>>();
  let classNames: NpyArray | undefined;
  let dt: NpyArray | undefined;
  for (const array of arrays) {
    const { split, base } = parseName(array.name);
    if (isText(array)) {
      if (CLASS_NAME_NAMES.has(base) && split === '') classNames = array;
      continue;
    }
    if (base === 'dt' && array.header.count === 1) {
      dt = array;
      continue;
    }
    const group = groups.get(split) ?? {};
    if (SPIKE_NAMES.has(base) && !group.spikes) group.spikes = array;
    else if (LABEL_NAMES.has(base) && !group.labels) group.labels = array;
    groups.set(split, group);
  }
  const complete = (g: Partial<ArrayPair> | undefined): g is ArrayPair => g?.spikes !== undefined && g.labels !== undefined;
  const trainGroup = [groups.get('train'), groups.get('')].find(complete);
  const testName = complete(groups.get('test')) ? 'test' : complete(groups.get('valid')) ? 'valid' : null;
  let train: ArrayPair;
  let test: PickedArrays['test'];
  if (trainGroup) {
    train = trainGroup;
    if (testName) test = { ...(groups.get(testName) as ArrayPair), split: testName };
  } else if (testName) {
    train = groups.get(testName) as ArrayPair; // only a test (or validation) split: train on it
  } else {
    if (numeric.length === 1 && numeric[0].header.shape.length < 3) spikeShape(numeric[0]); // says why it is not [N, T, F…]
    if (numeric.length === 1) {
      notSpikes(`has spikes (${numeric[0].name}) but no labels`, arrays, where,
        `Drop the labels .npy together with it (select both files), or ${SAVE_HINT.charAt(0).toLowerCase()}${SAVE_HINT.slice(1)}`);
    }
    train = byShape(numeric.filter((a) => a !== dt), arrays, where);
  }
  const picked: PickedArrays = { train };
  if (test) picked.test = test;
  if (classNames) picked.classNames = classNames;
  if (dt) picked.dt = dt;
  return picked;
}
