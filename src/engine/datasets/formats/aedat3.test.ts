/**
 * The AEDAT 3.1 reader: one hand-assembled packet checked against IBM's bit layout (x = data >> 17,
 * y = (data >> 2) & 0x1FFF, p = (data >> 1) & 1, valid = data & 1, t = overflow·2³¹ + timestamp),
 * a file of the test writer (special and spare slots skipped, invalid events dropped, timestamps
 * past 2³¹), and the damaged files: no header, AEDAT 2.0, a cut packet, odd event sizes, an event
 * off the sensor.
 */
import { describe, expect, it } from 'vitest';
import { decodeAedat3 } from './aedat3';
import { DVS_GESTURE_SENSOR } from './nmnistBin';
import { aedatBytes, type AedatEvent } from './testing/aedatWrite';

const HEADER = new TextEncoder().encode('#!AER-DAT3.1\r\n#Format: RAW\r\n#!END-HEADER\r\n');

/** A packet header (28 bytes, little-endian) followed by `events` as [data, timestamp] pairs of `size` bytes. */
function packet(type: number, size: number, overflow: number, events: [number, number][]): Uint8Array {
  const bytes = new Uint8Array(28 + events.length * size);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, type, true);
  view.setInt32(4, size, true);
  view.setInt32(8, 4, true);
  view.setInt32(12, overflow, true);
  view.setInt32(16, events.length, true);
  view.setInt32(20, events.length, true);
  events.forEach(([data, ts], i) => {
    view.setUint32(28 + i * size, data, true);
    view.setUint32(32 + i * size, ts, true);
  });
  return bytes;
}

const file = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat([HEADER, ...parts]));
const decode = (bytes: Uint8Array) => decodeAedat3(bytes, DVS_GESTURE_SENSOR, 'rec.aedat');
const plain = (e: ReturnType<typeof decode>) => Array.from(e.t, (t, i) => [e.x[i], e.y[i], e.p[i], t]);

describe('decodeAedat3', () => {
  it('reads IBM\'s bit layout and skips other packets and invalid events', () => {
    const on = ((5 << 17) | (7 << 2) | (1 << 1) | 1) >>> 0;
    const off = ((127 << 17) | (126 << 2) | 1) >>> 0;
    const invalid = ((9 << 17) | (9 << 2) | 2) >>> 0;
    const frame = packet(2, 12, 0, [[0xffffffff, 1]]);
    expect(plain(decode(file(frame, packet(1, 8, 1, [[on, 42], [invalid, 50], [off, 60]]))))).toEqual([[5, 7, 1, 2 ** 31 + 42], [127, 126, 0, 2 ** 31 + 60]]);
  });

  it('reads a whole recording as written: events in order across packets and the 2³¹ µs overflow', () => {
    const events: AedatEvent[] = Array.from({ length: 2000 }, (_, i) => ({ x: (i * 37) % 128, y: (i * 11) % 128, p: i % 2, t: 2 ** 31 - 1000 + i, valid: i % 7 !== 0 }));
    const decoded = decode(aedatBytes(events, { packetEvents: 300, spareSlots: 5 }));
    expect(plain(decoded)).toEqual(events.filter((e) => e.valid).map((e) => [e.x, e.y, e.p, e.t]));
  });

  it('says what is wrong with a file it cannot read (DATA_BAD_AEDAT, DATA_EVENT_OUT_OF_RANGE)', () => {
    const good = packet(1, 8, 0, [[1, 1], [1, 2]]);
    expect(() => decode(good)).toThrow(expect.objectContaining({ code: 'DATA_BAD_AEDAT', message: expect.stringContaining('no "#!AER-DAT3.1" header line') }));
    expect(() => decode(new TextEncoder().encode('#!AER-DAT2.0\r\n#!END-HEADER\r\n'))).toThrow(expect.objectContaining({ code: 'DATA_BAD_AEDAT', message: expect.stringContaining('AEDAT 2.0') }));
    expect(() => decode(file(good.subarray(0, 40)))).toThrow(expect.objectContaining({
      code: 'DATA_BAD_AEDAT', message: `rec.aedat is not a readable AEDAT 3.1 recording: the packet at byte ${HEADER.length} declares 2 events of 8 bytes, but the file ends 12 bytes after its header.`,
    }));
    expect(() => decode(file(good, good.subarray(0, 10)))).toThrow(expect.objectContaining({ code: 'DATA_BAD_AEDAT', message: expect.stringContaining('ends inside a packet header') }));
    expect(() => decode(file(packet(1, 12, 0, [[1, 1]])))).toThrow(expect.objectContaining({ code: 'DATA_BAD_AEDAT', message: expect.stringContaining('12-byte events, not 8') }));
    expect(() => decode(file(packet(1, 8, 0, [[((200 << 17) | 1) >>> 0, 1]])))).toThrow(expect.objectContaining({ code: 'DATA_EVENT_OUT_OF_RANGE', message: expect.stringContaining('(x=200, y=0)') }));
  });
});
