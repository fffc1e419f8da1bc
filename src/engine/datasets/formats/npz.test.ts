import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource } from './byteSource';
import { readNpyNumbers } from './npyArray';
import { npyBytes, npzBytes, zipBytes } from './npyWrite';
import { openNpz } from './npz';

const fromBase64 = (text: string) => Uint8Array.from(Buffer.from(text, 'base64'));

// Written by NumPy 2.4 (ZIP64 extra fields in the local headers, sizes 0xffffffff there):
//   x = np.zeros((3, 4, 2), bool); x[0,1,0] = x[1,3,1] = x[2,0,0] = x[2,2,1] = 1; y = np.array([0, 1, 1])
//   np.savez_compressed(f, spikes=x, labels=y)   and   np.savez(f, x=x.astype('>f8'), y=y.astype(np.int32))
const NUMPY_COMPRESSED = fromBase64('UEsDBC0AAAAIAAAAIQCcPVxq//////////8KABQAc3Bpa2VzLm5weQEAEACYAAAAAAAAAFMAAAAAAAAAm+wX6hsQychQxlCtnpJanFykbqWgXpNkqK6joJ6WX1RSlJgXn1+UkgoSd0vMKU4FihdnJBakAvkaxjoKJjoKRpo6CrUK5AEuBgZGBiTACOYBCQBQSwMELQAAAAgAAAAhABRHnWT//////////woAFABsYWJlbHMubnB5AQAQAJgAAAAAAAAASQAAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRupaBuk2mhrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RrGOpo6CrUKFAAuBihgRKMBUEsBAi0DLQAAAAgAAAAhAJw9XGpTAAAAmAAAAAoAAAAAAAAAAAAAAIABAAAAAHNwaWtlcy5ucHlQSwECLQMtAAAACAAAACEAFEedZEkAAACYAAAACgAAAAAAAAAAAAAAgAGPAAAAbGFiZWxzLm5weVBLBQYAAAAAAgACAHAAAAAUAQAAAAA=');
const NUMPY_STORED = fromBase64('UEsDBC0AAAAAAAAAIQBVS96V//////////8FABQAeC5ucHkBABAAQAEAAAAAAABAAQAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJz5mOCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgzLCA0LCAyKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAAAAAAAAAAAAAAAAD/wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP/AAAAAAAAA/8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAUEsDBC0AAAAAAAAAIQDsQwi7//////////8FABQAeS5ucHkBABAAjAAAAAAAAACMAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxpNCcsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgzLCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAAAAAAEAAAABAAAAUEsBAi0DLQAAAAAAAAAhAFVL3pVAAQAAQAEAAAUAAAAAAAAAAAAAAIABAAAAAHgubnB5UEsBAi0DLQAAAAAAAAAhAOxDCLuMAAAAjAAAAAUAAAAAAAAAAAAAAIABdwEAAHkubnB5UEsFBgAAAAACAAIAZgAAADoCAAAAAA==');

const SPIKES = (() => {
  const x = new Array<number>(24).fill(0);
  for (const [n, t, f] of [[0, 1, 0], [1, 3, 1], [2, 0, 0], [2, 2, 1]]) x[n * 8 + t * 2 + f] = 1;
  return x;
})();

describe('.npz reader', () => {
  it('reads np.savez_compressed output (deflated, ZIP64 local headers)', async () => {
    const arrays = await openNpz(bytesSource(NUMPY_COMPRESSED, 'c.npz'));
    expect(arrays.map((a) => [a.name, a.header.dtype.label, a.header.shape])).toEqual([['spikes', 'bool', [3, 4, 2]], ['labels', 'int64', [3]]]);
    expect(arrays[0].where).toBe('c.npz: spikes.npy');
    expect(Array.from(await readNpyNumbers(arrays[0]))).toEqual(SPIKES);
    expect(Array.from(await readNpyNumbers(arrays[1]))).toEqual([0, 1, 1]);
  });

  it('reads np.savez output (stored), big-endian float64 and int32, from a Blob', async () => {
    const arrays = await openNpz(blobSource(new Blob([NUMPY_STORED]), 's.npz'));
    expect(arrays.map((a) => [a.name, a.header.dtype.label])).toEqual([['x', 'float64 big-endian'], ['y', 'int32']]);
    expect(Array.from(await readNpyNumbers(arrays[0]))).toEqual(SPIKES);
    expect(Array.from(await readNpyNumbers(arrays[1]))).toEqual([0, 1, 1]);
  });

  it('writes archives NumPy-style, stored and deflated, and reads them back', async () => {
    const spikes = npyBytes('<f4', [3, 4, 2], SPIKES);
    for (const options of [{}, { deflate: true }, { deflate: true, zip64Extra: true }]) {
      const arrays = await openNpz(bytesSource(await npzBytes({ spikes, labels: npyBytes('<i8', [3], [0, 1, 1]) }, options), 'w.npz'));
      expect(Array.from(await readNpyNumbers(arrays[0]))).toEqual(SPIKES);
    }
  });

  it('ignores entries that are not .npy, and refuses an archive with none (DATA_BAD_NPZ)', async () => {
    const mixed = await zipBytes([{ name: 'README.txt', bytes: new TextEncoder().encode('hi') }, { name: 'y.npy', bytes: npyBytes('|u1', [2], [1, 0]) }]);
    expect((await openNpz(bytesSource(mixed, 'm.npz'))).map((a) => a.name)).toEqual(['y']);
    const none = await zipBytes([{ name: 'README.txt', bytes: new TextEncoder().encode('hi') }]);
    await expect(openNpz(bytesSource(none, 'n.npz'))).rejects.toMatchObject({ code: 'DATA_BAD_NPZ' });
  });

  it('detects a damaged stored entry by its CRC-32, and a truncated archive', async () => {
    const damaged = NUMPY_STORED.slice();
    damaged[200] ^= 0xff; // inside x.npy's data
    const arrays = await openNpz(bytesSource(damaged, 'd.npz'));
    await expect(readNpyNumbers(arrays[0])).rejects.toMatchObject({ code: 'DATA_BAD_NPZ', message: expect.stringMatching(/CRC-32/) });
    await expect(openNpz(bytesSource(NUMPY_STORED.subarray(0, 300), 't.npz'))).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE' });
  });

  it('refuses a deflated entry that does not inflate', async () => {
    const broken = NUMPY_COMPRESSED.slice();
    broken.fill(0xff, 64, 120);
    await expect(openNpz(bytesSource(broken, 'b.npz')).then((a) => readNpyNumbers(a[0]))).rejects.toMatchObject({ code: expect.stringMatching(/^DATA_BAD_(NPZ|NPY)$/) });
  });
});
