/**
 * NumPy's `.npy` format (numpy/lib/format.py, versions 1.0, 2.0 and 3.0): the magic `\x93NUMPY`,
 * major and minor version bytes, the header length (u16 little-endian in 1.0, u32 in 2.0 and 3.0),
 * then a Python dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }` (latin-1
 * in 1.0/2.0, UTF-8 in 3.0) padded with spaces to a multiple of 64, then the raw elements.
 *
 * Read here: the header (never `eval`: a small literal parser), and element decoding for bool,
 * uint8/16/32/64, int8/16/32/64, float16/32/64 in either byte order, plus fixed-width strings
 * (`<U…`, `|S…`) for class names. Object (pickled), structured and complex arrays are refused with
 * DATA_BAD_NPY and a hint, as is a header that does not parse or a shape whose data the file
 * does not hold.
 */
import { ownDataError } from '../own/errors';

export type NpyKind = 'b' | 'u' | 'i' | 'f' | 'U' | 'S';

export interface NpyDtype {
  /** As written in the header, e.g. "<f4", "|b1", ">i2". */
  descr: string;
  kind: NpyKind;
  /** Bytes per element. */
  itemSize: number;
  littleEndian: boolean;
  /** NumPy's name, e.g. "float32", "uint8", "bool", "<U5" (with "big-endian" where it applies). */
  label: string;
}

export interface NpyHeader {
  version: string;
  dtype: NpyDtype;
  fortranOrder: boolean;
  shape: number[];
  /** Elements (product of the shape). */
  count: number;
  /** Where the data starts (the header's total length). */
  dataOffset: number;
  /** count × itemSize. */
  dataBytes: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
/** np.load refuses headers over 10,000 bytes by default; allow more, but not a runaway length. */
const MAX_HEADER_BYTES = 1 << 20;
/** The first bytes that say how long the header is (v1: 10, v2/v3: 12). */
export const NPY_PREAMBLE_BYTES = 12;

const SAVE_NPY = 'Save the array with numpy.save (np.save("x.npy", x)) or several with numpy.savez.';

function bad(message: string, hint: string, where?: string): never {
  throw ownDataError('DATA_BAD_NPY', `${where ?? 'This file'} is not a readable .npy array: ${message}.`, hint, where);
}

export function isNpy(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && MAGIC.every((b, i) => bytes[i] === b);
}

/** The header's total length (= where the data starts), from the first NPY_PREAMBLE_BYTES bytes. */
export function npyHeaderLength(preamble: Uint8Array, where?: string): number {
  if (!isNpy(preamble)) {
    const shown = Array.from(preamble.subarray(0, 8), (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('');
    bad(`it does not start with the NumPy magic \\x93NUMPY (it starts with "${shown}")`, `${SAVE_NPY} Pickled (.pkl), text (.txt/.csv) and PyTorch (.pt) files are not read.`, where);
  }
  if (preamble.length < 10) bad(`it ends after ${preamble.length} bytes, inside its preamble`, 'The file was cut short: copy it again.', where);
  const major = preamble[6];
  if (major === 1) return 10 + (preamble[8] | (preamble[9] << 8));
  if (major === 2 || major === 3) {
    if (preamble.length < 12) bad(`it ends after ${preamble.length} bytes, inside its preamble`, 'The file was cut short: copy it again.', where);
    const length = (preamble[8] | (preamble[9] << 8) | (preamble[10] << 16) | (preamble[11] << 24)) >>> 0;
    if (length > MAX_HEADER_BYTES) bad(`its header length field says ${length} bytes`, 'The file is damaged or not a .npy array.', where);
    return 12 + length;
  }
  return bad(`it is format version ${major}.${preamble[7]}; versions 1.0, 2.0 and 3.0 are read`, `${SAVE_NPY} (any NumPy since 1.0 writes 1.0–3.0).`, where);
}

// ---- the header dict: a Python literal of dicts, tuples, lists, strings, ints, True/False/None ----

type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

class LiteralParser {
  private at = 0;

  constructor(private readonly text: string, private readonly where?: string) {}

  parse(): PyValue {
    const value = this.value();
    this.space();
    if (this.at < this.text.length) this.fail(`unexpected "${this.text.slice(this.at, this.at + 12)}" after the dict`);
    return value;
  }

  private fail(what: string): never {
    return bad(`its header is not a Python dict literal (${what})`, 'The file is damaged, or was not written by NumPy.', this.where);
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
  }

  private value(): PyValue {
    this.space();
    const c = this.text[this.at];
    if (c === '{') return this.dict();
    if (c === '(' || c === '[') return this.sequence(c === '(' ? ')' : ']');
    if (c === "'" || c === '"') return this.string();
    const word = /^(True|False|None|-?\d+L?)/.exec(this.text.slice(this.at, this.at + 32));
    if (!word) this.fail(`unexpected "${this.text.slice(this.at, this.at + 12)}"`);
    this.at += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    return Number(word[0].replace(/L$/, ''));
  }

  private string(): string {
    const quote = this.text[this.at++];
    let out = '';
    while (this.at < this.text.length && this.text[this.at] !== quote) {
      if (this.text[this.at] === '\\') this.at++;
      out += this.text[this.at++];
    }
    if (this.at >= this.text.length) this.fail('a string is not closed');
    this.at++;
    return out;
  }

  private sequence(close: string): PyValue[] {
    this.at++;
    const items: PyValue[] = [];
    for (;;) {
      this.space();
      if (this.text[this.at] === close) {
        this.at++;
        return items;
      }
      items.push(this.value());
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== close) this.fail(`expected "," or "${close}"`);
    }
  }

  private dict(): { [key: string]: PyValue } {
    this.at++;
    const out: { [key: string]: PyValue } = Object.create(null) as { [key: string]: PyValue };
    for (;;) {
      this.space();
      if (this.text[this.at] === '}') {
        this.at++;
        return out;
      }
      const key = this.value();
      if (typeof key !== 'string') this.fail('a key is not a string');
      this.space();
      if (this.text[this.at++] !== ':') this.fail('expected ":"');
      out[key] = this.value();
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== '}') this.fail('expected "," or "}"');
    }
  }
}

// ---- dtypes ----

const NAMES: Record<string, string> = {
  b1: 'bool', u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64', i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64',
  f2: 'float16', f4: 'float32', f8: 'float64',
};
const REFUSED: Record<string, string> = {
  O: 'Python objects (a pickled object array)', c: 'complex numbers', V: 'raw or structured records', M: 'datetimes', m: 'timedeltas',
};
const CONVERT_HINT = 'Convert it first, e.g. np.save("x.npy", x.astype(np.uint8)) for spikes or x.astype(np.int64) for labels.';

export function parseDtype(descr: PyValue, where?: string): NpyDtype {
  if (typeof descr !== 'string') {
    return bad('it has a structured dtype (named fields)', 'Save each field as its own array, e.g. np.savez("data.npz", spikes=a["spikes"], labels=a["labels"]).', where);
  }
  const match = /^([<>|=]?)([a-zA-Z])(\d*)$/.exec(descr);
  if (!match) return bad(`its dtype "${descr}" is not a NumPy type string`, 'The file is damaged, or was not written by NumPy.', where);
  const [, order, kind, digits] = match;
  const itemSize = Number(digits || (kind === '?' ? 1 : 0));
  if (REFUSED[kind]) return bad(`its dtype "${descr}" holds ${REFUSED[kind]}`, CONVERT_HINT, where);
  const key = `${kind}${itemSize}`;
  const littleEndian = order !== '>';
  if (kind === 'U' || kind === 'S') {
    if (itemSize < 1 || itemSize > 4096) bad(`its string dtype "${descr}" has width ${itemSize}`, 'Keep class names short.', where);
    return { descr, kind, itemSize: kind === 'U' ? itemSize * 4 : itemSize, littleEndian, label: descr };
  }
  if (!NAMES[key] || !'buif'.includes(kind)) {
    return bad(`its dtype "${descr}" is not one of bool, uint8/16/32/64, int8/16/32/64, float16/32/64`, CONVERT_HINT, where);
  }
  const big = !littleEndian && itemSize > 1;
  return { descr, kind: kind as NpyKind, itemSize, littleEndian, label: `${NAMES[key]}${big ? ' big-endian' : ''}` };
}

/** Parses the header from the file's first `dataOffset` bytes (npyHeaderLength tells how many). */
export function parseNpyHeader(bytes: Uint8Array, where?: string): NpyHeader {
  const dataOffset = npyHeaderLength(bytes.subarray(0, NPY_PREAMBLE_BYTES), where);
  if (bytes.length < dataOffset) bad(`it ends after ${bytes.length} bytes, inside its ${dataOffset}-byte header`, 'The file was cut short: copy it again.', where);
  const major = bytes[6];
  const start = major === 1 ? 10 : 12;
  const raw = bytes.subarray(start, dataOffset);
  const text = major === 3 ? new TextDecoder('utf-8').decode(raw) : Array.from(raw, (b) => String.fromCharCode(b)).join('');
  const dict = new LiteralParser(text, where).parse();
  if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) bad('its header is not a dict', 'The file is damaged, or was not written by NumPy.', where);
  for (const key of ['descr', 'fortran_order', 'shape']) {
    if (!(key in dict)) bad(`its header has no "${key}"`, 'The file is damaged, or was not written by NumPy.', where);
  }
  const dtype = parseDtype(dict.descr, where);
  if (typeof dict.fortran_order !== 'boolean') bad(`its fortran_order is ${JSON.stringify(dict.fortran_order)}, not True or False`, 'The file is damaged.', where);
  const shape = dict.shape;
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    bad(`its shape ${JSON.stringify(shape)} is not a tuple of whole numbers`, 'The file is damaged.', where);
  }
  let count = 1;
  for (const d of shape as number[]) {
    count *= d;
    if (!Number.isSafeInteger(count * dtype.itemSize)) bad(`its shape (${(shape as number[]).join(', ')}) is too large to address`, 'The file is damaged.', where);
  }
  return { version: `${major}.${bytes[7]}`, dtype, fortranOrder: dict.fortran_order, shape: shape as number[], count, dataOffset, dataBytes: count * dtype.itemSize };
}

/** "uint8 [200, 50, 20]" (with ", Fortran order" when it applies), for messages. */
export function describeNpy(header: NpyHeader): string {
  return `${header.dtype.label} [${header.shape.join(', ')}]${header.fortranOrder ? ', Fortran order' : ''}`;
}

// ---- element decoding ----

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** A little-endian copy of `bytes` (each element's bytes reversed when the file is big-endian), aligned at 0. */
function littleEndianCopy(bytes: Uint8Array, dtype: NpyDtype): Uint8Array {
  const copy = bytes.slice();
  if (!dtype.littleEndian && dtype.itemSize > 1) {
    const w = dtype.itemSize;
    for (let at = 0; at < copy.length; at += w) copy.subarray(at, at + w).reverse();
  }
  return copy;
}

/**
 * The numbers in `bytes` (a whole number of elements of a numeric dtype) as an array-like, a view
 * where the bytes allow one (uint8, bool, int8, aligned little-endian), else a decoded copy.
 */
export function decodeElements(bytes: Uint8Array, dtype: NpyDtype): ArrayLike<number> {
  const { kind, itemSize } = dtype;
  if (itemSize === 1) return kind === 'i' ? new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length) : bytes;
  const n = bytes.length / itemSize;
  const aligned = dtype.littleEndian && bytes.byteOffset % itemSize === 0;
  const le = aligned ? bytes : littleEndianCopy(bytes, dtype);
  const { buffer, byteOffset } = le;
  if (kind === 'f' && itemSize === 4) return new Float32Array(buffer, byteOffset, n);
  if (kind === 'f' && itemSize === 8) return new Float64Array(buffer, byteOffset, n);
  if (kind === 'f' && itemSize === 2) return Float32Array.from(new Uint16Array(buffer, byteOffset, n), halfToFloat);
  if (kind === 'u' && itemSize === 2) return new Uint16Array(buffer, byteOffset, n);
  if (kind === 'i' && itemSize === 2) return new Int16Array(buffer, byteOffset, n);
  if (kind === 'u' && itemSize === 4) return new Uint32Array(buffer, byteOffset, n);
  if (kind === 'i' && itemSize === 4) return new Int32Array(buffer, byteOffset, n);
  if (itemSize === 8) {
    const words = new Uint32Array(buffer, byteOffset, n * 2);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const lo = words[2 * i];
      const hi = words[2 * i + 1];
      out[i] = kind === 'i' ? (hi | 0) * 2 ** 32 + lo : hi * 2 ** 32 + lo;
    }
    return out;
  }
  throw new RangeError(`decodeElements: dtype ${dtype.descr} has no numeric decoding`);
}

/** Fixed-width strings (`<U…` UTF-32 code points or `|S…` bytes), trailing NULs dropped. */
export function decodeStrings(bytes: Uint8Array, dtype: NpyDtype): string[] {
  const out: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + dtype.itemSize <= bytes.length; at += dtype.itemSize) {
    let s = '';
    if (dtype.kind === 'U') {
      for (let c = 0; c < dtype.itemSize; c += 4) {
        const code = view.getUint32(at + c, dtype.littleEndian);
        if (code === 0) break;
        s += String.fromCodePoint(Math.min(code, 0x10ffff));
      }
    } else {
      for (let c = 0; c < dtype.itemSize && bytes[at + c] !== 0; c++) s += String.fromCharCode(bytes[at + c]);
    }
    out.push(s);
  }
  return out;
}
