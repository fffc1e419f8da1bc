/**
 * NumPy's `.npz` (np.savez, np.savez_compressed): a zip archive of `.npy` entries, one per array,
 * named by its key ("spikes.npy"), stored or deflated, with ZIP64 extra fields in the local
 * headers (NumPy forces them) that the central directory does not need. Opening lists the arrays
 * and reads each header (inflating only the first bytes of a deflated entry); the data is read
 * when an array is iterated (formats/npyArray.ts), streamed out of the archive and checked
 * against the entry's CRC-32. Entries that are not .npy are ignored; an archive with none is
 * DATA_BAD_NPZ.
 */
import { ownDataError } from '../own/errors';
import type { ByteSource } from './byteSource';
import { exactBytes, headerOfStream, stemOf, type NpyArray } from './npyArray';
import { entryStream, listZipSource } from './zipSource';

export async function openNpz(source: ByteSource): Promise<NpyArray[]> {
  const entries = (await listZipSource(source)).filter((e) => /\.npy$/i.test(e.name) && !e.name.endsWith('/'));
  if (entries.length === 0) {
    throw ownDataError('DATA_BAD_NPZ', `${source.name} is a zip archive with no .npy arrays in it.`,
      "Save arrays with np.savez('data.npz', spikes=x, labels=y); for N-MNIST, zip the folders of .bin files.", source.name);
  }
  const arrays: NpyArray[] = [];
  for (const entry of entries) {
    const where = `${source.name}: ${entry.name}`;
    const header = await headerOfStream(await entryStream(source, entry), where);
    if (header.dataOffset + header.dataBytes > entry.uncompressedSize) {
      throw ownDataError('DATA_BAD_NPY', `${where} declares ${header.dataBytes} bytes of data, but the entry holds ${entry.uncompressedSize - header.dataOffset}.`,
        'The archive is damaged: save it again.', where);
    }
    arrays.push({
      name: stemOf(entry.name), where, header,
      bytes: async function* () {
        yield* exactBytes(await entryStream(source, entry), header.dataOffset, header.dataBytes, where, entry.crc32, entry.uncompressedSize);
      },
    });
  }
  return arrays;
}
