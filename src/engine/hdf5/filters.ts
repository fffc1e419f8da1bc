/**
 * HDF5 filters: which ones this build decodes, and the error for those it cannot.
 * Built into HDF5 (and h5wasm): deflate/gzip (1), shuffle (2), fletcher32 (3), nbit (5),
 * scaleoffset (6). h5wasm 0.10.3 also decodes h5py's LZF (32000): checked on
 * fixtures/nir/quirk_lzf_compression.nir. Plugins (szip 4, blosc 32001, lz4 32004, bitshuffle
 * 32008, zstd 32015) are not compiled in.
 */
import { SpikelabError } from '../core/errors';
import type { H5Filter } from './tree';

export const DECODABLE_FILTERS = new Set([1, 2, 3, 5, 6, 32000]);
/** Filters other HDF5 tools in the browser typically cannot decode (jsfive, older h5wasm). */
export const NON_PORTABLE_FILTERS = new Set([32000]);

const KNOWN_NAMES: Record<number, string> = {
  1: 'gzip (deflate)', 2: 'shuffle', 3: 'fletcher32', 4: 'szip', 5: 'nbit', 6: 'scaleoffset',
  32000: 'LZF', 32001: 'Blosc', 32004: 'LZ4', 32008: 'bitshuffle', 32015: 'Zstandard',
};

export function filterName(filter: H5Filter): string {
  return KNOWN_NAMES[filter.id] ?? (filter.name ? `${filter.name} (filter ${filter.id})` : `filter ${filter.id}`);
}

export function unsupportedFilterError(path: string, filters: H5Filter[]): SpikelabError {
  const names = filters.map(filterName).join(', ');
  return new SpikelabError(
    'HDF5_UNSUPPORTED_FILTER',
    `Dataset ${path} is compressed with ${names}, which this HDF5 reader cannot decode.`,
    'Re-save the file with gzip or no compression, e.g. in Python with h5py: f.create_dataset(..., compression="gzip") (NIR: nir.write(path, graph) uses gzip by default).',
    path,
  );
}
