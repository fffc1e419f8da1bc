/**
 * HDF5 for the engine: the only place that imports h5wasm. See tree.ts for the value model.
 *   readH5(bytes)  → H5Group (whole tree)     openH5(bytes) → H5Reader (lazy, rows of big datasets)
 *   writeH5(tree)  → Uint8Array               checkSignature(bytes) → throws HDF5_EMPTY/NOT_HDF5/TRUNCATED
 * Error codes: HDF5_EMPTY, HDF5_NOT_HDF5, HDF5_TRUNCATED, HDF5_CORRUPT, HDF5_READ_FAILED,
 * HDF5_UNSUPPORTED_FILTER, HDF5_TOO_LARGE, HDF5_TOO_DEEP, HDF5_NO_DATASET, HDF5_BAD_SELECTION,
 * HDF5_CLOSED, HDF5_WRITE_SHAPE, HDF5_BAD_NAME, HDF5_LINK (soft/external link), HDF5_VIRTUAL_DATASET,
 * HDF5_CHUNK_TOO_LARGE (a chunk that would decompress past its declared size: refused before).
 * Reading is JavaScript (jsRead.ts, format/); h5wasm writes, and reads only what that does not parse.
 */
export { readH5, openH5 } from './read';
export { writeH5 } from './write';
export { checkSignature, findSuperblock } from './signature';
export { halfToNumber } from './float16';
export { DECODABLE_FILTERS, NON_PORTABLE_FILTERS, filterName } from './filters';
export * from './tree';
