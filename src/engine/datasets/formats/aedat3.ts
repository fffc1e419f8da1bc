/**
 * AEDAT 3.1 recordings (iniVation's cAER format, as IBM's DVS128 Gesture release stores them),
 * polarity events only. Layout (inivation.gitlab.io/dv/dv-docs, "AEDAT 3.1"; IBM's dataset page):
 *   header   ASCII lines starting with '#', the first "#!AER-DAT3.1", the last "#!END-HEADER" (CRLF)
 *   packet   a 28-byte header, little-endian: i16 eventType, i16 eventSource, i32 eventSize,
 *            i32 eventTSOffset, i32 eventTSOverflow, i32 eventCapacity, i32 eventNumber,
 *            i32 eventValid; then eventCapacity × eventSize bytes of events
 *   polarity eventType 1, eventSize 8: u32 data, u32 timestamp (µs), with
 *            valid = data & 1, p = (data >> 1) & 1, y = (data >> 2) & 0x1FFF, x = (data >> 17) & 0x1FFF,
 *            t = eventTSOverflow · 2³¹ + timestamp
 * Packets of other types (special events, frames, IMU samples) are skipped, and so are events
 * whose valid bit is 0 (also the unused slots of a packet whose eventNumber < eventCapacity).
 * Events are kept in file order (cAER writes them in time order), as tonic's xytp.
 */
import { dataError } from '../errors';
import type { EventStream, SensorSize } from './events';

const PACKET_HEADER_BYTES = 28;
const POLARITY_EVENT = 1;
const POLARITY_EVENT_BYTES = 8;
const END_HEADER = '#!END-HEADER';
const OVERFLOW_US = 2 ** 31;

function badAedat(what: string, where: string, hint = 'The recording is damaged or cut short: download or unpack it again.'): never {
  throw dataError('DATA_BAD_AEDAT', `${where} is not a readable AEDAT 3.1 recording: ${what}.`, hint, where);
}

/** Where the packets start: after the '#' lines (through "#!END-HEADER"); checks the version line. */
function aedatDataStart(bytes: Uint8Array, where: string): number {
  let at = 0;
  let first = true;
  while (at < bytes.length && bytes[at] === 0x23) {
    const newline = bytes.indexOf(0x0a, at);
    const end = newline < 0 ? bytes.length : newline + 1;
    const line = new TextDecoder('latin1').decode(bytes.subarray(at, end)).trim();
    if (first) {
      const version = /^#!AER-DAT(\d+)\.(\d+)/.exec(line);
      if (!version) badAedat(`its first line is "${line.slice(0, 40)}", not "#!AER-DAT3.1"`, where, 'Give the .aedat files of IBM\'s DVS Gesture release (AEDAT 3.1).');
      if (version[1] !== '3') badAedat(`it is AEDAT ${version[1]}.${version[2]}; this reader reads AEDAT 3.x`, where, 'Convert it to AEDAT 3.1 with iniVation\'s DV tools, or give the DVS Gesture release\'s own files.');
      first = false;
    }
    at = end;
    if (line === END_HEADER) break;
  }
  if (first) badAedat('it has no "#!AER-DAT3.1" header line', where, 'Give the .aedat files of IBM\'s DVS Gesture release (AEDAT 3.1).');
  return at;
}

interface Packet {
  at: number;
  type: number;
  size: number;
  overflow: number;
  capacity: number;
}

/** Every packet's header, checking that each lies within the file. */
function packetsOf(bytes: Uint8Array, view: DataView, start: number, where: string): Packet[] {
  const packets: Packet[] = [];
  for (let at = start; at < bytes.length;) {
    if (at + PACKET_HEADER_BYTES > bytes.length) badAedat(`it ends inside a packet header at byte ${at}`, where);
    const packet: Packet = { at: at + PACKET_HEADER_BYTES, type: view.getInt16(at, true), size: view.getInt32(at + 4, true), overflow: view.getInt32(at + 12, true), capacity: view.getInt32(at + 16, true) };
    if (packet.size <= 0 || packet.capacity < 0) badAedat(`the packet at byte ${at} declares ${packet.capacity} events of ${packet.size} bytes`, where);
    if (packet.type === POLARITY_EVENT && packet.size !== POLARITY_EVENT_BYTES) badAedat(`its polarity packet at byte ${at} has ${packet.size}-byte events, not 8`, where);
    const end = packet.at + packet.capacity * packet.size;
    if (end > bytes.length) badAedat(`the packet at byte ${at} declares ${packet.capacity} events of ${packet.size} bytes, but the file ends ${bytes.length - packet.at} bytes after its header`, where);
    packets.push(packet);
    at = end;
  }
  return packets;
}

/** The valid polarity events of an AEDAT 3.1 recording; any outside `sensor` is DATA_EVENT_OUT_OF_RANGE. */
export function decodeAedat3(bytes: Uint8Array, sensor: SensorSize, where: string): EventStream {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const polarity = packetsOf(bytes, view, aedatDataStart(bytes, where), where).filter((p) => p.type === POLARITY_EVENT);
  let n = 0;
  for (const p of polarity) {
    for (let e = 0; e < p.capacity; e++) n += view.getUint32(p.at + e * POLARITY_EVENT_BYTES, true) & 1;
  }
  const events: EventStream = { x: new Uint16Array(n), y: new Uint16Array(n), p: new Uint8Array(n), t: new Float64Array(n) };
  let j = 0;
  for (const packet of polarity) {
    for (let e = 0; e < packet.capacity; e++) {
      const at = packet.at + e * POLARITY_EVENT_BYTES;
      const data = view.getUint32(at, true);
      if (!(data & 1)) continue;
      const x = (data >>> 17) & 0x1fff;
      const y = (data >>> 2) & 0x1fff;
      if (x >= sensor.width || y >= sensor.height) {
        throw dataError('DATA_EVENT_OUT_OF_RANGE', `An event of ${where} is at (x=${x}, y=${y}), outside the ${sensor.width}×${sensor.height} sensor this loader expects.`,
          'Check that the recording is from a DVS128 (DVS Gesture is 128×128).', where);
      }
      events.x[j] = x;
      events.y[j] = y;
      events.p[j] = (data >>> 1) & 1;
      events.t[j] = packet.overflow * OVERFLOW_US + view.getUint32(at + 4, true);
      j++;
    }
  }
  return events;
}
