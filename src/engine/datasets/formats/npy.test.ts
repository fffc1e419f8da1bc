import { describe, expect, it } from 'vitest';
import { bytesSource } from './byteSource';
import { decodeElements, parseNpyHeader } from './npy';
import { openNpy, readNpyNumbers, readNpyStrings, npyValues } from './npyArray';
import { npyBytes } from './npyWrite';

const fromBase64 = (text: string) => Uint8Array.from(Buffer.from(text, 'base64'));
const open = (bytes: Uint8Array, name = 'x.npy') => openNpy(bytesSource(bytes, name));
const numbers = async (bytes: Uint8Array) => Array.from(await readNpyNumbers(await open(bytes)));

// Written by NumPy 2.4: np.save(f, np.asfortranarray(np.arange(24, dtype='>i2').reshape(2, 3, 4))).
const NUMPY_FORTRAN_BIG_I2 = fromBase64('k05VTVBZAQB2AHsnZGVzY3InOiAnPmkyJywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMywgNCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAMAAQAEAAIABQAAQANAAUAEQAJABUAAgAOAAYAEgAKABYAAwAPAAcAEwALABc=');

describe('.npy reader: dtypes', () => {
  const cases: [string, number[]][] = [
    ['|b1', [0, 1, 1, 0]],
    ['|u1', [0, 1, 200, 255]],
    ['|i1', [-128, -1, 0, 127]],
    ['<u2', [0, 1, 40000, 65535]],
    ['>u2', [0, 1, 40000, 65535]],
    ['<i2', [-32768, -2, 3, 32767]],
    ['>i2', [-32768, -2, 3, 32767]],
    ['<i4', [-2147483648, -5, 7, 2147483647]],
    ['>i4', [-2147483648, -5, 7, 2147483647]],
    ['<u4', [0, 1, 3000000000, 4294967295]],
    ['<i8', [-3, 0, 9, 2 ** 40]],
    ['>i8', [-3, 0, 9, 2 ** 40]],
    ['<u8', [0, 1, 2 ** 33, 5]],
    ['<f2', [0, 1, -2.5, 0.5]],
    ['<f4', [0, 1, 0.25, -3.5]],
    ['>f4', [0, 1, 0.25, -3.5]],
    ['<f8', [0, 1, Math.PI, -1e300]],
    ['>f8', [0, 1, Math.PI, -1e300]],
  ];
  for (const [descr, values] of cases) {
    it(`reads ${descr}`, async () => {
      const bytes = npyBytes(descr, [2, 2], values);
      const array = await open(bytes);
      expect(array.header).toMatchObject({ shape: [2, 2], count: 4, fortranOrder: false });
      expect(array.header.dtype.descr).toBe(descr);
      expect(array.header.dtype.label).toMatch(descr.startsWith('>') ? /big-endian$/ : /^[a-z]+\d*$/);
      expect(await numbers(bytes)).toEqual(values);
    });
  }

  it('reads header versions 1.0, 2.0 and 3.0', async () => {
    for (const version of [1, 2, 3] as const) {
      const bytes = npyBytes('<i4', [3], [1, 2, 3], { version });
      expect((await open(bytes)).header.version).toBe(`${version}.0`);
      expect(await numbers(bytes)).toEqual([1, 2, 3]);
    }
  });

  it('reads fixed-width strings (<U, |S) for class names', async () => {
    expect(await readNpyStrings(await open(npyBytes('<U5', [2], ['left', 'right'])))).toEqual(['left', 'right']);
    expect(await readNpyStrings(await open(npyBytes('|S3', [2], ['on', 'off'])))).toEqual(['on', 'off']);
  });

  it('decodes unaligned chunks and keeps element boundaries across chunks', async () => {
    const bytes = npyBytes('<f4', [5], [1, 2, 3, 4, 5]);
    const odd = new Uint8Array(bytes.length + 1);
    odd.set(bytes, 1);
    expect(Array.from(decodeElements(odd.subarray(1 + 128, 1 + 128 + 8), parseNpyHeader(bytes).dtype))).toEqual([1, 2]);
    const array = await open(bytes);
    const chunked = { ...array, bytes: async function* () {
      const data = bytes.subarray(array.header.dataOffset);
      for (let at = 0; at < data.length; at += 3) yield data.subarray(at, at + 3);
    } };
    const seen: number[] = [];
    for await (const { values, first } of npyValues(chunked)) {
      expect(first).toBe(seen.length);
      seen.push(...Array.from(values));
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('.npy reader: order and NumPy files', () => {
  it('reads a NumPy-written Fortran-order big-endian int16 file in file (column-major) order', async () => {
    const array = await open(NUMPY_FORTRAN_BIG_I2, 'f.npy');
    expect(array.header).toMatchObject({ shape: [2, 3, 4], fortranOrder: true, dataOffset: 128 });
    expect(array.header.dtype.label).toBe('int16 big-endian');
    const values = await numbers(NUMPY_FORTRAN_BIG_I2);
    // arange(24).reshape(2, 3, 4) in Fortran order: element (i, j, k) = 12i + 4j + k at i + 2j + 6k.
    const expected = Array.from({ length: 24 }, (_, p) => 12 * (p % 2) + 4 * (Math.floor(p / 2) % 3) + Math.floor(p / 6));
    expect(values).toEqual(expected);
  });

  it('writes Fortran order as NumPy does', () => {
    const mine = npyBytes('>i2', [2, 3, 4], Array.from({ length: 24 }, (_, i) => i), { fortran: true });
    expect(Array.from(mine)).toEqual(Array.from(NUMPY_FORTRAN_BIG_I2));
  });

  it('accepts Python 2 long shapes, double quotes and no trailing comma', () => {
    const dict = '{"descr": "<u1", "fortran_order": False, "shape": (2L, 3L)}';
    const bytes = new Uint8Array(128 + 6);
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 118, 0]);
    bytes.fill(0x20, 10, 127);
    bytes.set(new TextEncoder().encode(dict), 10);
    bytes[127] = 0x0a;
    expect(parseNpyHeader(bytes).shape).toEqual([2, 3]);
  });
});

describe('.npy reader: bad files → DATA_BAD_NPY', () => {
  const good = npyBytes('<f4', [2, 3], [0, 1, 2, 3, 4, 5]);
  const withHeader = (dict: string) => {
    const text = new TextEncoder().encode(dict);
    const length = Math.ceil((10 + text.length + 1) / 64) * 64;
    const out = new Uint8Array(length + 64);
    out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, (length - 10) & 0xff, (length - 10) >> 8]);
    out.fill(0x20, 10, length - 1);
    out.set(text, 10);
    out[length - 1] = 0x0a;
    return out;
  };
  const rejects = async (bytes: Uint8Array, message: RegExp) => {
    const error = await open(bytes, 'bad.npy').then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'DATA_BAD_NPY', where: 'bad.npy' });
    expect((error as Error).message).toMatch(message);
    expect((error as { hint: string }).hint.length).toBeGreaterThan(10);
  };

  it('refuses a file without the magic (a pickle, text)', async () => {
    await rejects(new TextEncoder().encode('0.1,0.2,0.3\n'), /does not start with the NumPy magic/);
    await rejects(Uint8Array.from([0x80, 0x04, 0x95]), /magic/);
  });
  it('refuses an unknown format version', async () => {
    const v9 = good.slice();
    v9[6] = 9;
    await rejects(v9, /version 9\.0/);
  });
  it('refuses a header that is not a dict literal, or lacks a key', async () => {
    await rejects(withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)"), /not a Python dict literal/);
    await rejects(withHeader("__import__('os').system('x')"), /not a Python dict literal/);
    await rejects(withHeader("{'descr': '<f4', 'shape': (2, 3), }"), /no "fortran_order"/);
  });
  it('refuses object, complex and structured dtypes, naming them', async () => {
    await rejects(withHeader("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }"), /Python objects/);
    await rejects(withHeader("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }"), /complex/);
    await rejects(withHeader("{'descr': [('a', '<f4'), ('b', '<i4')], 'fortran_order': False, 'shape': (2,), }"), /structured dtype/);
    await rejects(withHeader("{'descr': '<f16', 'fortran_order': False, 'shape': (2,), }"), /not one of bool/);
  });
  it('refuses a bad shape', async () => {
    await rejects(withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -3), }"), /not a tuple of whole numbers/);
    await rejects(withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 'a'), }"), /not a tuple of whole numbers/);
    await rejects(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }"), /too large/);
  });
  it('refuses data shorter than the shape declares (and a header cut short)', async () => {
    await rejects(good.subarray(0, good.length - 4), /holds 20 bytes of data, but its header declares float32 \[2, 3\] = 24 bytes/);
    await rejects(good.subarray(0, 40), /inside its 128-byte header/);
  });
});
