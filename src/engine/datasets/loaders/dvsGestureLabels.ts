/**
 * The text files of IBM's DVS128 Gesture release (research.ibm.com/interactive/dvsgesture):
 *   userXX_<lighting>_labels.csv   "class,startTime_usec,endTime_usec", then one gesture a line:
 *                                  class 1..11, its start and end in µs of the recording's clock
 *   trials_to_train.txt, trials_to_test.txt   one recording a line (user01_fluorescent.aedat)
 * Fields may be separated by commas, tabs or spaces, lines by LF or CRLF. A gesture's events are
 * those with start ≤ t < end, as SpikingJelly's and tonic's preprocessing cut them; labels here
 * are 0-based (class 1, hand clapping, is label 0), as ./dvsGesture.ts numbers them.
 */
import { dataError } from '../errors';
import { DVS_GESTURE_CLASSES } from './dvsGesture';

const CLASSES = DVS_GESTURE_CLASSES.length;

export interface GestureWindow {
  /** class − 1 */
  label: number;
  startUs: number;
  endUs: number;
}

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** The gestures of one labels file, in its order. */
export function parseGestureLabels(text: string, where: string): GestureWindow[] {
  const windows: GestureWindow[] = [];
  for (const [i, line] of lines(text).entries()) {
    const fields = line.split(/[,\t ]+/);
    if (i === 0 && !/^\d/.test(fields[0])) continue; // the header line
    const [cls, start, end] = fields.map(Number);
    if (fields.length < 3 || !Number.isInteger(cls) || cls < 1 || cls > CLASSES || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start) {
      throw dataError('DATA_BAD_ARCHIVE', `Line ${i + 1} of ${where} is "${line.slice(0, 60)}", not class (1–${CLASSES}), start and end in µs (start < end).`,
        'The labels file is damaged: download or unpack the dataset again.', where);
    }
    windows.push({ label: cls - 1, startUs: start, endUs: end });
  }
  return windows;
}

/** The recordings a trials_to_*.txt lists, as their names without folder or ".aedat" ("user01_fluorescent"). */
export function parseTrialList(text: string): string[] {
  return lines(text).map(trialOf);
}

/** "DvsGesture/user01_led.aedat" and "DvsGesture/user01_led_labels.csv" → "user01_led". */
export function trialOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/(_labels\.csv|\.aedat)$/i, '');
}
