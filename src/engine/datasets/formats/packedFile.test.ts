import { describe, expect, it } from 'vitest';
import { readDroppedDataset } from '../index';
import { isGzip, maybeGunzip } from './gzip';
import { gzipDeterministic, zlibGunzip } from './gzipNode';
import { readDatasetFile, writeDatasetFile, type DatasetHeader } from './packedFile';
import { readSafetensors, writeSafetensors } from './safetensors';

const header: Omit<DatasetHeader, 'sha256' | 'format'> = {
  kind: 'spikes', id: 'toy-test', name: 'Toy', split: 'test', n: 3, T: 10, featureShape: [2, 3], featureOrder: 'p,x',
  dt: 0.001, binning: 'hand-made', classes: ['a', 'b'], licence: 'CC0', attribution: 'nobody', source: 'this test',
};
// [3, ⌈10/8⌉ = 2, 6] bytes with a recognisable pattern.
const spikes = Uint8Array.from({ length: 3 * 2 * 6 }, (_, i) => (i * 37) & 0xff);
const labels = Uint8Array.of(0, 1, 1);

describe('Spikelab dataset file (safetensors)', () => {
  it('round-trips header, spikes, labels and ids', async () => {
    const bytes = await writeDatasetFile({ header, data: spikes, labels, ids: Uint32Array.of(7, 8, 4_000_000_000) });
    const file = await readDatasetFile(bytes);
    expect(file.header).toMatchObject({ ...header, format: 'spikelab-dataset/1' });
    expect(file.header.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Array.from(file.data)).toEqual(Array.from(spikes));
    expect(Array.from(file.labels)).toEqual([0, 1, 1]);
    expect(Array.from(file.ids ?? [])).toEqual([7, 8, 4_000_000_000]);
    // The first tensor starts 8-byte aligned, as safetensors readers expect.
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(headerLength % 8).toBe(0);
    const st = readSafetensors(bytes);
    expect(st.tensors.get('spikes')?.shape).toEqual([3, 2, 6]);
  });

  it('detects gzip by magic bytes and reads the same dataset through it', async () => {
    const bytes = await writeDatasetFile({ header, data: spikes, labels });
    const gz = gzipDeterministic(bytes);
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(bytes)).toBe(false);
    expect(await maybeGunzip(bytes)).toBe(bytes);
    const viaStream = await readDroppedDataset(gz, 'toy.safetensors.gz');
    const viaZlib = await readDroppedDataset(gz, 'toy.safetensors.gz', { codec: zlibGunzip });
    expect(Array.from(viaStream.packed)).toEqual(Array.from(spikes));
    expect(Array.from(viaZlib.packed)).toEqual(Array.from(spikes));
    expect(viaStream).toMatchObject({ id: 'toy-test', T: 10, dt: 0.001, featureShape: [2, 3], classes: ['a', 'b'] });
  });

  it('rejects bytes that are not safetensors with DATA_NOT_SAFETENSORS', async () => {
    await expect(readDatasetFile(new TextEncoder().encode('hello'))).rejects.toMatchObject({ code: 'DATA_NOT_SAFETENSORS' });
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setBigUint64(0, 1000n, true);
    await expect(readDatasetFile(huge)).rejects.toMatchObject({ code: 'DATA_NOT_SAFETENSORS' });
  });

  it('rejects a safetensors file of another kind with DATA_BAD_PACKED_FILE', async () => {
    const other = writeSafetensors([{ name: 'weight', dtype: 'F32', shape: [2], bytes: new Uint8Array(8) }], { format: 'pt' });
    await expect(readDatasetFile(other)).rejects.toMatchObject({ code: 'DATA_BAD_PACKED_FILE' });
  });

  it('rejects a label past the classes with DATA_BAD_PACKED_FILE', async () => {
    const bytes = await writeDatasetFile({ header, data: spikes, labels: Uint8Array.of(0, 1, 2) });
    await expect(readDatasetFile(bytes)).rejects.toMatchObject({ code: 'DATA_BAD_PACKED_FILE' });
  });

  it('rejects edited spikes with DATA_CHECKSUM_MISMATCH', async () => {
    const bytes = await writeDatasetFile({ header, data: spikes, labels });
    const edited = bytes.slice();
    edited[edited.length - 10] ^= 1;
    await expect(readDatasetFile(edited)).rejects.toMatchObject({ code: 'DATA_CHECKSUM_MISMATCH' });
  });

  it('rejects a damaged gzip stream with DATA_BAD_GZIP', async () => {
    const gz = gzipDeterministic(await writeDatasetFile({ header, data: spikes, labels }));
    await expect(readDroppedDataset(gz.subarray(0, 40), 'cut.safetensors.gz', { codec: zlibGunzip })).rejects.toMatchObject({ code: 'DATA_BAD_GZIP' });
  });
});
