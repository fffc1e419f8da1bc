import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../scripts/datasets/csv';
import { fixture } from '../../../../test/paths';
import { countSpikes } from '../formats/bitpack';
import { zlibGunzip, gzipDeterministic } from '../formats/gzipNode';
import { loadShd } from '../index';
import { loadShdFile } from './shd';

// Fixtures: test/fixtures/data/synthetic_format_fixtures (SYNTHETIC spikes in the SHD layout, vlen float16
// times + vlen uint16 units, written by h5py 3.7 and by PyTables 3.7); golden_binning.csv holds the
// md5 of Spyx's packed output (tonic Downsample + _SHD2Raster + np.packbits) for each sample.
const DATA = fixture('data', 'synthetic_format_fixtures');
const golden = parseCsv(readFileSync(`${DATA}/golden_binning.csv`, 'utf8')).filter((r) => r.binning.startsWith('spyx_'));
const truth = parseCsv(readFileSync(`${DATA}/shd_format_SYNTHETIC_truth.csv`, 'utf8'));
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

describe('SHD loader (Spyx binning)', () => {
  for (const writer of ['h5py', 'pytables']) {
    it(`reproduces all ${golden.length} golden md5s on the ${writer} fixture`, async () => {
      const bytes = new Uint8Array(readFileSync(`${DATA}/shd_format_SYNTHETIC_${writer}.h5`));
      for (const [T, C] of [[128, 128], [256, 128], [100, 700]]) {
        const ds = await loadShdFile(bytes, `shd_${writer}.h5`, { binning: { T, channels: C } });
        const rows = golden.filter((r) => r.binning === `spyx_T${T}_C${C}`);
        expect(rows).toHaveLength(6);
        expect(ds.n).toBe(6);
        const sampleBytes = Math.ceil(T / 8) * C;
        for (const row of rows) {
          const s = Number(row.input.split('#')[1]);
          const packed = ds.packed.subarray(s * sampleBytes, (s + 1) * sampleBytes);
          expect(row.packed_shape).toBe(`${Math.ceil(T / 8)}x${C}`);
          expect(countSpikes(packed)).toBe(Number(row.ones));
          expect(md5(packed)).toBe(row.md5_of_packed_bytes);
        }
      }
    });
  }

  it('reads the labels of the truth table and accepts a gzipped file', async () => {
    const bytes = gzipDeterministic(new Uint8Array(readFileSync(`${DATA}/shd_format_SYNTHETIC_h5py.h5`)));
    const ds = await loadShdFile(bytes, 'shd_test.h5.gz', { codec: zlibGunzip, chunkRows: 4 });
    expect(Array.from(ds.labels)).toEqual(truth.map((r) => Number(r.label)));
    expect(ds.featureShape).toEqual([128]);
    expect(ds.dt).toBeCloseTo(1 / 128, 12);
  });

  it('is reachable lazily through the engine API (loadShd)', async () => {
    const ds = await loadShd(new Uint8Array(readFileSync(`${DATA}/shd_format_SYNTHETIC_pytables.h5`)), 'shd_test.h5');
    const first = golden.find((r) => r.input.endsWith('#0') && r.binning === 'spyx_T128_C128');
    expect(md5(ds.packed.subarray(0, 16 * 128))).toBe(first?.md5_of_packed_bytes);
    expect(ds.split).toBe('shd_test');
  });

  it('reads tonic\'s .h5.zip (deflate entry found through the central directory)', async () => {
    const h5 = new Uint8Array(readFileSync(`${DATA}/shd_format_SYNTHETIC_h5py.h5`));
    const ds = await loadShdFile(zipOne('shd_test.h5', h5), 'shd_test.h5.zip', { codec: zlibGunzip });
    expect(ds.split).toBe('shd_test');
    const first = golden.find((r) => r.input.endsWith('#0') && r.binning === 'spyx_T128_C128');
    expect(md5(ds.packed.subarray(0, 16 * 128))).toBe(first?.md5_of_packed_bytes);
    const cut = zipOne('shd_test.h5', h5).subarray(0, 5000);
    await expect(loadShdFile(cut, 'cut.h5.zip', { codec: zlibGunzip })).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE' });
  });

  it('rejects a file that is not HDF5 with DATA_NOT_SHD', async () => {
    await expect(loadShdFile(new TextEncoder().encode('not an hdf5 file at all'), 'x.h5')).rejects.toMatchObject({ code: 'DATA_NOT_SHD' });
  });

  it('rejects an HDF5 file without the SHD layout with DATA_NOT_SHD', async () => {
    const nir = new Uint8Array(readFileSync(fixture('nir', 'cuba_snn.nir')));
    await expect(loadShdFile(nir, 'cuba_snn.nir')).rejects.toMatchObject({ code: 'DATA_NOT_SHD' });
  });

  it('stops with DATA_ABORTED when the signal fires', async () => {
    const bytes = new Uint8Array(readFileSync(`${DATA}/shd_format_SYNTHETIC_h5py.h5`));
    const controller = new AbortController();
    controller.abort();
    await expect(loadShdFile(bytes, 'shd.h5', { signal: controller.signal })).rejects.toMatchObject({ code: 'DATA_ABORTED' });
  });
});

/** A one-entry zip (method 8, no CRC check by our reader, so CRC is left 0), per APPNOTE 6.3. */
function zipOne(name: string, content: Uint8Array): Uint8Array {
  const data = new Uint8Array(deflateRawSync(content));
  const nameBytes = new TextEncoder().encode(name);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(8, 8, true);
  local.setUint32(18, data.length, true);
  local.setUint32(22, content.length, true);
  local.setUint16(26, nameBytes.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(10, 8, true);
  central.setUint32(20, data.length, true);
  central.setUint32(24, content.length, true);
  central.setUint16(28, nameBytes.length, true);
  central.setUint32(42, 0, true);
  const centralAt = 30 + nameBytes.length + data.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + nameBytes.length, true);
  end.setUint32(16, centralAt, true);
  const parts = [new Uint8Array(local.buffer), nameBytes, data, new Uint8Array(central.buffer), nameBytes, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
