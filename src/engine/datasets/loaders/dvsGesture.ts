import { DVS_GESTURE_SENSOR } from '../formats/nmnistBin';
import { loadEventFiles, type EventFile, type EventFormat, type EventLoadOptions, type EventLoadResult } from './eventFiles';

/**
 * DVS128 Gesture clips as slayerPytorch ships them (test/fixtures/data/dvs_gesture) (SLAYER `.bs2`: the N-MNIST 40-bit
 * format at 128×128, t in µs, optionally gzipped). Classes are the 11 of IBM's release, 0-based
 * here (file class 1 = hand clapping → label 0). Label: `EventFile.label`, else the class number
 * in the file name (`dvsgesture_clip04.bin.gz`, `4.bs2` → label 3).
 * Default binning: tonic ToFrame(time_window = 10 ms), 145 steps over a 1.45 s clip.
 */
export const DVS_GESTURE_CLASSES = [
  'hand_clapping', 'right_hand_wave', 'left_hand_wave', 'right_arm_clockwise', 'right_arm_counter_clockwise',
  'left_arm_clockwise', 'left_arm_counter_clockwise', 'arm_roll', 'air_drums', 'air_guitar', 'other_gestures',
];
export const DVS_GESTURE_LICENCE = 'CC BY 4.0';
export const DVS_GESTURE_ATTRIBUTION =
  'IBM DVS128 Gesture: Amir et al. (2017), "A Low Power, Fully Event-Based Gesture Recognition System", CVPR. Clips re-encoded by SLAYER (bamsumit/slayerPytorch).';

export const DVS_GESTURE_FORMAT: EventFormat = {
  sensor: DVS_GESTURE_SENSOR,
  classes: DVS_GESTURE_CLASSES,
  name: 'DVS Gesture',
  licence: DVS_GESTURE_LICENCE,
  attribution: DVS_GESTURE_ATTRIBUTION,
  defaultBinning: { timeWindowUs: 10_000, T: 145 },
  labelFromName(name: string): number | undefined {
    const stem = name.split(/[\\/]/).pop() ?? '';
    const match = /^(?:dvsgesture_clip)?0*(\d+)\./.exec(stem);
    const cls = match ? Number(match[1]) : NaN;
    return cls >= 1 && cls <= 11 ? cls - 1 : undefined;
  },
};

export function loadDvsGestureFiles(files: EventFile[], options: EventLoadOptions = {}): Promise<EventLoadResult> {
  return loadEventFiles(files, DVS_GESTURE_FORMAT, options);
}
