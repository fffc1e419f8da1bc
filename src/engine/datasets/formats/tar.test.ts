/**
 * The tar reader against archives written by Python's tarfile (pax and GNU long names, gzipped,
 * read as they inflate) and by the test writer (./testing/tarWrite.ts: ustar, GNU 'L', pax 'x'),
 * from a stream and from a ByteSource (skips are seeks), and against damaged archives: cut inside
 * a header, cut inside an entry, a wrong checksum, an entry over the cap.
 */
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byteSource';
import { sourceBytes, streamBytes, type OrderedBytes } from './orderedBytes';
import { isTar, tarEntries, TAR_BLOCK } from './tar';
import { tarBytes } from './testing/tarWrite';

/**
 * Written by Python 3.11's tarfile (format=PAX_FORMAT, then GNU_FORMAT), then gzip.compress(…, mtime=0):
 * a directory DvsGesture (named DvsGesture/ in the archive), DvsGesture/a_rather_long_folder_name_ ×4 /trials_to_train.txt (a name
 * of 137 bytes: a pax `path` record, resp. a GNU ././@LongLink entry) holding
 * "user01_fluorescent.aedat\r\nuser02_led.aedat\r\n", and DvsGesture/bytes.bin holding bytes 0..255 three times.
 */
const PYTHON_TARS = {
  pax: 'H4sIAAAAAAACA3MpK3ZPLS4pLUrVZ6AVMAACMxMTMA0E6DQm29DAwNiUQcGUgQ6gtLgksQhoPcPIBHr6evoOAYkVHqmJKalFtIt/LPEOj3MjI0P0+DcyNGBQqBiNf5oDQxNThYLEkgxbF0RBkBhfBBRJLYrPyc9Lj0/LzwGmjPi8xNzUeOrK6JcUZSbmFMeX5MeXFCVm5umVVJRwMYwCegJ6RDvB8t/UBDX/GxsZGpoxKBiM5n86eD+1yMAwPi2nNL8otTg5Na9ELzE1JbGElwssYxSfk5oCExnNLcM6/ydVlqQW6yVl5tG5/WdogtH+MzQzNR7N/3QBjEzMLKxs7BycXNw8vHz8AoJCwiKiYuISklLSMrJy8gqKSsoqqmrqGppa2jq6evoGhkbGJqZm5haWVtY2tnb2Do5Ozi6ubu4enl7ePr5+/gGBQcEhoWHhEZFR0TGxcfEJiUnJKalp6RmZWdk5uXn5BYVFwNRWVl5RWVVdU1tX39DY1NzS2tbe0dnV3dPb1z9h4qTJU6ZOmz5j5qzZc+bOm79g4aLFS5YuW75i5arVa9auW79h46bNW7Zu275j567de/bu23/g4KHDR44eO37i5KnTZ86eO3/h4qXLV65eu37j5q3bd+7eu//g4aPHT54+e/7i5avXb96+e//h46fPX75++/7j56/ff/7++z/q/xHu/1EwCkbBKBgFo2AUjIJRMApGwSgYBaNgFIyCUTAKRsEoGAWjYBSMgmEGAB9XBWkAKAAA',
  gnu: 'H4sIAAAAAAACA3MpK3ZPLS4pLUrVZ6AVMAACMxMTMA0E6DQWtrm5uSmDgikDHUBpcUlikYICwwgFevp6+g4++XnpPpl52TSMfyzxDo9zI0PM+DcxY1DwGY1/mgMXRP5PjC9KLMlILYrPASaH+LT8nBQgOy8xNzWeujL6JUWZiTnF8SX58SVFiZl5eiUVJQyjYPjGP8Hy39QENf8bGxmYAvO/wWj+p4P3U4sMDOPTckrzi1KLk1PzSvQSU1MSS3i5wDJG8TmpKTCR0dwyrPN/UmVJarFeUmYendt/hibo7T9DQzND49H8TxfAyMTMwsrGzsHJxc3Dy8cvICgkLCIqJi4hKSUtIysnr6CopKyiqqauoamlraOrp29gaGRsYmpmbmFpZW1ja2fv4Ojk7OLq5u7h6eXt4+vnHxAYFBwSGhYeERkVHRMbF5+QmJSckpqWnpGZlZ2Tm5dfUFgETG1l5RWVVdU1tXX1DY1NzS2tbe0dnV3dPb19/RMmTpo8Zeq06TNmzpo9Z+68+QsWLlq8ZOmy5StWrlq9Zu269Rs2btq8Zeu27Tt27tq9Z+++/QcOHjp85Oix4ydOnjp95uy58xcuXrp85eq16zdu3rp95+69+w8ePnr85Omz5y9evnr95u279x8+fvr85eu37z9+/vr95++//6P+H+H+HwWjYBSMglEwCkbBKBgFo2AUjIJRMApGwSgYBaNgFIyCUTAKRsEoGGYAAA0eqEMAKAAA',
};
const LONG_NAME = `DvsGesture/${'a_rather_long_folder_name_'.repeat(4)}/trials_to_train.txt`;
const THRICE = new Uint8Array(768).map((_, i) => i % 256);

const gunzipped = (base64: string): OrderedBytes => streamBytes(
  new Blob([Buffer.from(base64, 'base64')]).stream().pipeThrough(new DecompressionStream('gzip')),
  (error) => new Error(`gunzip failed: ${String(error)}`),
);

/** Every entry with its data (read when `wanted` says so). */
async function walk(input: OrderedBytes, wanted: (name: string) => boolean = () => true, where = 'test.tar') {
  const out: { name: string; kind: string; size: number; offset: number; text?: string; bytes?: Uint8Array }[] = [];
  for await (const entry of tarEntries(input, where)) {
    const bytes = entry.kind === 'file' && wanted(entry.name) ? await entry.read() : undefined;
    out.push({ name: entry.name, kind: entry.kind, size: entry.size, offset: entry.offset, bytes, text: bytes && new TextDecoder().decode(bytes) });
  }
  return out;
}

describe('tarEntries', () => {
  it.each(Object.entries(PYTHON_TARS))('reads Python tarfile\'s %s archive as it inflates', async (_format, base64) => {
    const entries = await walk(gunzipped(base64));
    expect(entries.map((e) => [e.name, e.kind, e.size])).toEqual([
      ['DvsGesture/', 'directory', 0],
      [LONG_NAME, 'file', 44],
      ['DvsGesture/bytes.bin', 'file', 768],
    ]);
    expect(entries[1].text).toBe('user01_fluorescent.aedat\r\nuser02_led.aedat\r\n');
    expect(entries[2].bytes).toEqual(THRICE);
  });

  it('reads the test writer\'s ustar, GNU and pax names, from a source where skipping is a seek', async () => {
    const files = [{ name: 'set' }, { name: 'set/a.txt', bytes: new TextEncoder().encode('alpha') }, { name: `set/${'b'.repeat(120)}.bin`, bytes: THRICE }, { name: 'set/empty', bytes: new Uint8Array(0) }];
    for (const longNames of ['gnu', 'pax'] as const) {
      const tar = tarBytes(files, { longNames });
      expect(isTar(tar)).toBe(true);
      const source = bytesSource(tar, 'set.tar');
      const reads: [number, number][] = [];
      const read = source.read;
      source.read = (offset, length) => {
        reads.push([offset, length]);
        return read(offset, length);
      };
      const entries = await walk(sourceBytes(source), (name) => name.endsWith('.txt'));
      expect(entries.map((e) => [e.name, e.kind, e.size, e.text])).toEqual([
        ['set/', 'directory', 0, undefined], ['set/a.txt', 'file', 5, 'alpha'], [files[2].name, 'file', 768, undefined], ['set/empty', 'file', 0, undefined],
      ]);
      // the data of an entry starts where its offset says; the one not read was never read
      expect(tar.subarray(entries[1].offset, entries[1].offset + 5)).toEqual(new TextEncoder().encode('alpha'));
      expect(reads.some(([offset]) => offset === entries[2].offset)).toBe(false);
      expect(reads.filter(([, length]) => length > TAR_BLOCK)).toEqual([]);
    }
  });

  it('reads an archive that stops at an entry boundary without its end blocks', async () => {
    const tar = tarBytes([{ name: 'a.txt', bytes: new Uint8Array(3) }], { end: false });
    expect((await walk(sourceBytes(bytesSource(tar, 'a.tar')))).map((e) => e.name)).toEqual(['a.txt']);
  });

  it('says where a damaged archive breaks (DATA_BAD_ARCHIVE)', async () => {
    const tar = tarBytes([{ name: 'a.txt', bytes: new Uint8Array(700) }, { name: 'b.txt', bytes: new Uint8Array(10) }]);
    const cut = (bytes: Uint8Array) => walk(sourceBytes(bytesSource(bytes, 'cut.tar')), undefined, 'cut.tar');
    await expect(cut(tar.subarray(0, 1000))).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE', message: 'cut.tar is a tar archive that cannot be read: it ends inside a.txt, after 488 of its 700 bytes.' });
    await expect(cut(tar.subarray(0, 1536 + 100))).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE', message: expect.stringContaining('it ends inside the header at byte 1536') });
    await expect(walk(sourceBytes(bytesSource(tar.subarray(0, 1300), 'cut.tar')), () => false, 'cut.tar')).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE', message: expect.stringContaining('it ends inside a.txt') });
    const damaged = Uint8Array.from(tar);
    damaged[1536 + 3] ^= 1;
    await expect(cut(damaged)).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE', message: expect.stringContaining('the header at byte 1536 is damaged') });
  });

  it('refuses to read an entry over the cap (DATA_TOO_LARGE), and turns a failing stream into its caller\'s error', async () => {
    const tar = tarBytes([{ name: 'big.bin', bytes: new Uint8Array(5000) }]);
    const entries = tarEntries(sourceBytes(bytesSource(tar, 'big.tar')), 'big.tar');
    const first = await entries.next();
    await expect(first.value!.read(4096)).rejects.toMatchObject({ code: 'DATA_TOO_LARGE' });
    await entries.return(undefined);
    const corrupt = Buffer.from(PYTHON_TARS.pax, 'base64');
    corrupt[200] ^= 0xff;
    await expect(walk(streamBytes(new Blob([corrupt]).stream().pipeThrough(new DecompressionStream('gzip')), () => new Error('gunzip failed'))))
      .rejects.toThrow('gunzip failed');
  });

  it('tells a tar header from other files', () => {
    expect(isTar(Buffer.from(PYTHON_TARS.pax, 'base64'))).toBe(false); // gzip, not tar
    expect(isTar(new Uint8Array(TAR_BLOCK))).toBe(false);
    expect(isTar(tarBytes([{ name: 'a', bytes: new Uint8Array(1) }]).subarray(0, 100))).toBe(false);
  });
});
