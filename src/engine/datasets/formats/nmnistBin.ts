import { dataError } from '../errors';
import type { EventStream, SensorSize } from './events';

/**
 * N-MNIST binary event files (also SLAYER `.bs2` and the DVS Gesture clips shipped here):
 * no header, 5 bytes (40 bits) per event, big-endian bit numbering:
 *   byte0 = x, byte1 = y, byte2 = p (bit 7) | t bits 22..16, byte3 = t 15..8, byte4 = t 7..0
 * p is kept as the bit, as tonic reads it (`raw[2::5] >> 7`). t is in µs (23 bits). A record with y = 240 is an overflow marker (as in Orchard's reader and
 * tonic): it adds 2¹³ µs to every later event and is itself dropped.
 */
export const NMNIST_SENSOR: SensorSize = { width: 34, height: 34, polarities: 2 };
export const DVS_GESTURE_SENSOR: SensorSize = { width: 128, height: 128, polarities: 2 };

const OVERFLOW_Y = 240;
const OVERFLOW_STEP_US = 8192;

export function decodeNmnistBin(bytes: Uint8Array, sensor: SensorSize = NMNIST_SENSOR, where?: string): EventStream {
  if (bytes.length % 5 !== 0) {
    throw dataError('DATA_NMNIST_TRUNCATED',
      `This is not an N-MNIST event file: its ${bytes.length} bytes are not a whole number of 5-byte events.`,
      'Drop the original .bin file (40-bit events, no header); a truncated download leaves a partial event at the end.', where);
  }
  const total = bytes.length / 5;
  let overflows = 0;
  for (let i = 0; i < total; i++) if (bytes[i * 5 + 1] === OVERFLOW_Y) overflows++;
  const n = total - overflows;
  const events: EventStream = { x: new Uint16Array(n), y: new Uint16Array(n), p: new Uint8Array(n), t: new Float64Array(n) };
  let offset = 0;
  let j = 0;
  for (let i = 0; i < total; i++) {
    const b = i * 5;
    const y = bytes[b + 1];
    if (y === OVERFLOW_Y) {
      offset += OVERFLOW_STEP_US;
      continue;
    }
    const x = bytes[b];
    if (x >= sensor.width || y >= sensor.height) {
      throw dataError('DATA_EVENT_OUT_OF_RANGE',
        `Event ${i} is at (x=${x}, y=${y}), outside the ${sensor.width}×${sensor.height} sensor this loader expects.`,
        sensor.width === 34 ? 'This file is not N-MNIST (34×34); if it is a DVS Gesture clip, load it as DVS Gesture.' : 'Check that the file is a 128×128 DVS recording in the 40-bit format.', where);
    }
    events.x[j] = x;
    events.y[j] = y;
    events.p[j] = bytes[b + 2] >> 7;
    events.t[j] = ((bytes[b + 2] & 0x7f) << 16) + (bytes[b + 3] << 8) + bytes[b + 4] + offset;
    j++;
  }
  return events;
}
