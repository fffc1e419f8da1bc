/**
 * Looks at the first bytes before any parsing, so that a wrong file gets a message saying what it
 * is (Netron-style): empty, JSON, zip / PyTorch checkpoint, ONNX, pickle, NumPy, gzip, text…
 */
import { SpikelabError } from '../core/errors';
import { findSuperblock } from '../hdf5';

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** A short description of what non-HDF5 bytes look like, or undefined if unrecognised. */
export function describeBytes(bytes: Uint8Array): string | undefined {
  const head = ascii(bytes, 0, 512);
  const firstChar = head.trimStart()[0];
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = ascii(bytes, 0, Math.min(bytes.length, 4096));
    if (/data\.pkl|\/version|archive\//.test(names)) return 'a PyTorch checkpoint (torch.save zip archive)';
    return 'a zip archive';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip-compressed data (decompress it first)';
  if (startsWith(bytes, [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59])) return 'a NumPy .npy array';
  if (bytes[0] === 0x80 && bytes[1] >= 2 && bytes[1] <= 5) return 'a Python pickle (e.g. torch.save with the legacy format)';
  if (bytes.length >= 8 && bytes[8] === 0x7b && new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true) === 0) return 'a safetensors file';
  if (firstChar === '{' || firstChar === '[') return 'JSON text (Spikelab reads a graph in JSON with `spikelab info`, not as .nir)';
  if (startsWith(bytes, [0x08]) && /pytorch|onnx|tf2onnx|keras|skl2onnx/i.test(ascii(bytes, 0, 200))) return 'an ONNX model';
  if (/^\s*</.test(head)) return 'an HTML or XML document (a download page instead of the file?)';
  if ([...head].every((c) => c === '\t' || c === '\n' || c === '\r' || (c >= ' ' && c <= '~'))) return 'plain text';
  return undefined;
}

/** The smallest HDF5 superblock (version 2/3: 48 bytes incl. checksum; version 0: 56 + root entry). */
const MIN_SUPERBLOCK_BYTES = 48;

/** Throws NIR_EMPTY, NIR_NOT_HDF5 or NIR_TRUNCATED; returns the HDF5 superblock offset. */
export function sniffNir(bytes: Uint8Array, name = 'The file'): void {
  if (bytes.length === 0) throw new SpikelabError('NIR_EMPTY', `${name} is empty (0 bytes).`, 'Choose the .nir file again; it may not have finished downloading or saving.');
  const superblock = findSuperblock(bytes);
  if (superblock >= 0 && bytes.length < superblock + MIN_SUPERBLOCK_BYTES) {
    throw new SpikelabError('NIR_TRUNCATED', `${name} is truncated: it ends (after ${bytes.length} bytes) inside the HDF5 superblock.`, 'Download or copy the file again; the transfer was cut short.');
  }
  if (superblock < 0) {
    const looks = describeBytes(bytes);
    throw new SpikelabError('NIR_NOT_HDF5', `${name} (${bytes.length} bytes) is not a NIR file: NIR files are HDF5, and this ${looks ? `looks like ${looks}` : 'has no HDF5 signature'}.`,
      'Export the network with nir.write(path, graph) (snnTorch: export_to_nir, Norse/Sinabs/Spyx/Rockpool: their to-NIR exporters) and open that .nir file.');
  }
}
