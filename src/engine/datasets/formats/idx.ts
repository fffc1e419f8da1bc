import { dataError } from '../errors';

/**
 * IDX files (MNIST): big-endian u32 magic 0x00000800 | (dtype << 8) | ndim, with dtype 0x08 = u8,
 * then ndim big-endian u32 sizes, then the values row-major. Only u8 is accepted.
 */
export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

export function readIdx(bytes: Uint8Array, where?: string): IdxArray {
  const fail = (what: string): never => {
    throw dataError('DATA_NOT_IDX', `This is not a uint8 IDX file: ${what}.`,
      'Give the MNIST-style idx1/idx3 file (gunzipped or .gz).', where);
  };
  if (bytes.length < 4) fail(`it has only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 0x08) fail(`its magic is ${Array.from(bytes.subarray(0, 4)).join(' ')}`);
  const ndim = bytes[3];
  if (ndim < 1 || 4 + 4 * ndim > bytes.length) fail(`it claims ${ndim} dimensions`);
  const shape = Array.from({ length: ndim }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = shape.reduce((a, b) => a * b, 1);
  const start = 4 + 4 * ndim;
  if (start + count !== bytes.length) fail(`shape [${shape.join(', ')}] needs ${count} bytes of data, the file has ${bytes.length - start}`);
  return { shape, data: bytes.subarray(start) };
}
