/**
 * A small synthetic DVS Gesture release for tests (generated, no network), in IBM's layout:
 * DvsGesture/ with README.txt, gesture_mapping.csv, userXX_<lighting>.aedat (AEDAT 3.1,
 * ../../formats/testing/aedatWrite.ts) each followed by its _labels.csv, and the trial lists at
 * the end, so the labels of a recording come after its events as in a sorted listing. Three
 * recordings: two of training users (one with timestamps past 2³¹ µs, one gesture longer than
 * the 1.45 s a sample keeps) and one of a test user; events between the gestures, and invalid
 * ones, belong to no sample. `gestures` are the samples the release holds, in the order a reader
 * gives them (trial lists, then labels files), with their valid events. `tonicArchive` writes
 * gestures as tonic's preprocessed copy holds them.
 */
import type { AedatEvent } from '../../formats/testing/aedatWrite';
import { aedatBytes } from '../../formats/testing/aedatWrite';
import { npyBytes } from '../../formats/npyWrite';
import { tarBytes, type TarFileSpec } from '../../formats/testing/tarWrite';

export interface SyntheticGesture {
  trial: string;
  split: 'train' | 'test';
  /** 1..11, as the labels file writes it. */
  cls: number;
  startUs: number;
  endUs: number;
  /** The valid events with startUs ≤ t < endUs, in time order. */
  events: AedatEvent[];
}

export interface SyntheticRelease {
  tar: Uint8Array;
  gestures: SyntheticGesture[];
}

const TRIALS: { name: string; split: 'train' | 'test'; gestures: [number, number, number][] }[] = [
  { name: 'user01_fluorescent', split: 'train', gestures: [[1, 1_000_000, 1_300_000], [8, 1_500_000, 3_600_000], [11, 3_800_000, 4_000_000]] },
  { name: 'user02_led', split: 'train', gestures: [[3, 2 ** 31 - 100_000, 2 ** 31 + 150_000], [8, 2 ** 31 + 400_000, 2 ** 31 + 700_000]] },
  { name: 'user24_natural', split: 'test', gestures: [[10, 500_000, 900_000], [2, 1_000_000, 1_250_000]] },
];

/** A seeded LCG (Numerical Recipes constants), so the release is the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One recording: events every 0.5–1.5 ms from 0.2 s before its first gesture to 0.2 s after its last, 1 in 50 invalid. */
function recording(gestures: [number, number, number][], next: () => number): AedatEvent[] {
  const events: AedatEvent[] = [];
  const end = gestures[gestures.length - 1][2] + 200_000;
  for (let t = gestures[0][1] - 200_000; t < end; t += Math.round(500 + 1000 * next())) {
    events.push({ x: Math.floor(128 * next()), y: Math.floor(128 * next()), p: next() < 0.5 ? 1 : 0, t, valid: next() >= 0.02 });
  }
  return events;
}

export function syntheticRelease(): SyntheticRelease {
  const next = random(2017);
  const files: TarFileSpec[] = [
    { name: 'DvsGesture' },
    { name: 'DvsGesture/README.txt', bytes: new TextEncoder().encode('A synthetic stand-in for IBM\'s DVS Gesture release, for tests.\n') },
    { name: 'DvsGesture/gesture_mapping.csv', bytes: new TextEncoder().encode('action,label\nhand_clapping,1\n') },
  ];
  const gestures: SyntheticGesture[] = [];
  for (const trial of TRIALS) {
    const events = recording(trial.gestures, next);
    files.push({ name: `DvsGesture/${trial.name}.aedat`, bytes: aedatBytes(events, { packetEvents: 700, spareSlots: 3 }) });
    const csv = ['class,startTime_usec,endTime_usec', ...trial.gestures.map((g) => g.join(','))].join('\r\n');
    files.push({ name: `DvsGesture/${trial.name}_labels.csv`, bytes: new TextEncoder().encode(`${csv}\r\n`) });
    for (const [cls, startUs, endUs] of trial.gestures) {
      gestures.push({ trial: trial.name, split: trial.split, cls, startUs, endUs, events: events.filter((e) => e.valid !== false && e.t >= startUs && e.t < endUs) });
    }
  }
  for (const split of ['train', 'test'] as const) {
    const list = TRIALS.filter((t) => t.split === split).map((t) => `${t.name}.aedat`).join('\r\n');
    files.push({ name: `DvsGesture/trials_to_${split}.txt`, bytes: new TextEncoder().encode(`${list}\r\n`) });
  }
  return { tar: tarBytes(files), gestures: [...gestures.filter((g) => g.split === 'train'), ...gestures.filter((g) => g.split === 'test')] };
}

/** The gestures as tonic's figshare archives hold them: ibmGesture<Split>/<trial>/<class − 1>.npy, [N, 4] of x, y, p, t in ms (⌊t / 1000⌋). */
export function tonicArchive(gestures: readonly SyntheticGesture[], split: 'Train' | 'Test', descr = '<i8', fortran = false): Uint8Array {
  return tarBytes([{ name: `ibmGesture${split}` }, ...gestures.map((g) => ({
    name: `ibmGesture${split}/${g.trial}/${g.cls - 1}.npy`,
    bytes: npyBytes(descr, [g.events.length, 4], g.events.flatMap((e) => [e.x, e.y, e.p, Math.floor(e.t / 1000)]), { fortran }),
  }))]);
}
