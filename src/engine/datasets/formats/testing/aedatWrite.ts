/**
 * An AEDAT 3.1 writer for tests (the layout ../aedat3.ts reads, as cAER writes it): the '#'
 * header lines, a special-event packet first (type 0, as cAER's timestamp reset), then polarity
 * packets of at most `packetEvents` events, a new packet wherever the timestamp overflow (t / 2³¹)
 * changes, each with `spareSlots` unused (zero) event slots at its end.
 */
export interface AedatEvent {
  x: number;
  y: number;
  p: number;
  /** µs (may pass 2³¹: written as overflow and timestamp). */
  t: number;
  /** Default true; false writes the event with its valid bit clear. */
  valid?: boolean;
}

export interface AedatWriteOptions {
  packetEvents?: number;
  spareSlots?: number;
}

const HEADER = '#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 1: DVS128\r\n#Start-Time: 2017-01-01 00:00:00 (TZ+0000)\r\n#!END-HEADER\r\n';
const OVERFLOW_US = 2 ** 31;

function packet(type: number, overflow: number, slots: number, events: readonly AedatEvent[]): Uint8Array {
  const bytes = new Uint8Array(28 + slots * 8);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, type, true);
  view.setInt16(2, 1, true);
  view.setInt32(4, 8, true);
  view.setInt32(8, 4, true);
  view.setInt32(12, overflow, true);
  view.setInt32(16, slots, true);
  view.setInt32(20, events.length, true);
  view.setInt32(24, events.filter((e) => e.valid !== false).length, true);
  events.forEach((e, i) => {
    const data = ((e.x << 17) | (e.y << 2) | (e.p << 1) | (e.valid === false ? 0 : 1)) >>> 0;
    view.setUint32(28 + i * 8, data, true);
    view.setUint32(32 + i * 8, e.t - overflow * OVERFLOW_US, true);
  });
  return bytes;
}

/** The events (in time order) as an AEDAT 3.1 file. */
export function aedatBytes(events: readonly AedatEvent[], options: AedatWriteOptions = {}): Uint8Array {
  const perPacket = options.packetEvents ?? 4096;
  const spare = options.spareSlots ?? 0;
  const parts: Uint8Array[] = [new TextEncoder().encode(HEADER), packet(0, 0, 1, [{ x: 0, y: 0, p: 0, t: 0 }])];
  for (let start = 0; start < events.length;) {
    const overflow = Math.floor(events[start].t / OVERFLOW_US);
    let end = start;
    while (end < events.length && end - start < perPacket && Math.floor(events[end].t / OVERFLOW_US) === overflow) end++;
    const chunk = events.slice(start, end);
    parts.push(packet(1, overflow, chunk.length + spare, chunk));
    start = end;
  }
  return new Uint8Array(Buffer.concat(parts));
}
