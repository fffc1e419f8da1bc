import { binEventsToPackedFrames } from '../../../src/engine/datasets/binning/toFrame';
import { packedSteps } from '../../../src/engine/datasets/formats/bitpack';
import { decodeNmnistBin, DVS_GESTURE_SENSOR } from '../../../src/engine/datasets/formats/nmnistBin';
import { DVS_GESTURE_ATTRIBUTION, DVS_GESTURE_CLASSES, DVS_GESTURE_LICENCE } from '../../../src/engine/datasets/loaders/dvsGesture';
import type { SourceData } from '../sourceData';
import type { BuiltSet } from './types';

/**
 * The 10 real DVS128 Gesture clips (one per class 1–10, labels inferred by eye: a demo set for
 * the input viewer, not a benchmark), full 128×128 resolution, tonic ToFrame(time_window = 10 ms):
 * 1.45 s → 145 steps (T = 145; the last partial window is dropped as tonic does, zero-padded).
 */
export function buildDvsGesture(src: SourceData): BuiltSet {
  const rows = src.csv('dvs_gesture/dvs_gesture_index.csv');
  const T = 145;
  const F = 2 * 128 * 128;
  const sampleBytes = packedSteps(T) * F;
  const data = new Uint8Array(rows.length * sampleBytes);
  const labels = new Uint8Array(rows.length);
  rows.forEach((r, i) => {
    const events = decodeNmnistBin(src.bytes(`dvs_gesture/${r.file}`), DVS_GESTURE_SENSOR, r.file);
    binEventsToPackedFrames(events, DVS_GESTURE_SENSOR, { timeWindowUs: 10_000, T }, data, i * sampleBytes);
    labels[i] = Number(r.inferred_class_1based) - 1;
  });
  return {
    meta: {
      id: 'dvs-gesture', name: 'DVS Gesture (10 clips)', kind: 'spikes', T, dt: 0.01,
      binning: 'tonic.transforms.ToFrame(sensor_size=(128,128,2), time_window=10000), counts clamped to 1, T = 145',
      featureShape: [2, 128, 128], featureOrder: 'p,y,x', classes: DVS_GESTURE_CLASSES,
      licence: DVS_GESTURE_LICENCE, attribution: DVS_GESTURE_ATTRIBUTION,
      source: 'github bamsumit/slayerPytorch @ 01beeeb6a181546d6c6830382ce6086bfc587836, test/test_files/binarySpikeTestFiles/{1..10}.bs2 (via ../shared/data/dvs_gesture)',
      description: 'Ten real event-camera clips of hand and arm gestures, one per class 1–10 (labels inferred by eye); for viewing, not benchmarking.',
    },
    splits: [{ split: 'clips', n: rows.length, data, labels }],
  };
}
