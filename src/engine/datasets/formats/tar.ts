/**
 * Tar archives read in order, entry by entry, through ./orderedBytes.ts, so an archive of many
 * gigabytes (a .tar.gz as it inflates, or a .tar on disk) is never held whole. Formats: POSIX
 * ustar, GNU (long names) and POSIX.1-2001 pax, as GNU tar, bsdtar and Python's tarfile write them.
 *   block     512 bytes; each entry is one header block, then its data padded to whole blocks;
 *             a zero block ends the archive (two are written; one is enough to stop)
 *   header    name[100] @0, size[12] @124, chksum[8] @148, typeflag @156, magic[6] @257,
 *             version[2] @263, prefix[155] @345 (uid, mtime, owner… are not read)
 *   size      octal ASCII, or base-256 (first byte ≥ 0x80, then big-endian) for 8 GiB and over
 *   chksum    the sum of the header's 512 bytes with the chksum field read as spaces (unsigned,
 *             or signed as some old tars wrote it), in octal
 *   name      prefix/name where the magic is POSIX "ustar\0" (GNU's "ustar " keeps other fields there)
 *   'L'       GNU long name: its data is the next entry's name; 'K' (long link name) is skipped
 *   'x'       pax header of the next entry: records "<length> <key>=<value>\n"; `path` and `size` are
 *             honoured (they override the header's); 'g' (pax global header) is skipped
 * An archive that ends inside a header or inside an entry, or a header whose checksum is wrong,
 * is DATA_BAD_ARCHIVE saying where. One that ends at an entry boundary without its zero blocks
 * is read as complete (GNU tar and Python's tarfile accept it too).
 */
import { MAX_INFLATED_BYTES, tooManyBytes } from '../../core/limits';
import { dataError } from '../errors';
import type { OrderedBytes } from './orderedBytes';

export const TAR_BLOCK = 512;
/** The most bytes a long-name or pax header may hold (they are a few hundred bytes). */
const MAX_META_BYTES = 1 << 20;

export interface TarEntry {
  /** Its path in the archive ("DvsGesture/user01_led.aedat"). */
  name: string;
  size: number;
  kind: 'file' | 'directory' | 'other';
  /** Where its data starts in the (uncompressed) archive. */
  offset: number;
  /** Its data, whole (at most `maxBytes`, default MAX_INFLATED_BYTES); only while the walk is at this entry. */
  read(maxBytes?: number): Promise<Uint8Array>;
}

const padded = (size: number) => Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;

function badTar(what: string, where: string): never {
  throw dataError('DATA_BAD_ARCHIVE', `${where} is a tar archive that cannot be read: ${what}.`,
    'The file is damaged or was cut short: download or copy it again (tar -tvf lists what it holds).', where);
}

/** A NUL-terminated field as text. */
function field(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** An octal or base-256 number field; null when it is neither. */
function numberField(bytes: Uint8Array): number | null {
  if (bytes[0] & 0x80) {
    if (bytes[0] === 0xff) return null; // negative base-256
    let value = bytes[0] & 0x7f;
    for (let i = 1; i < bytes.length; i++) value = value * 256 + bytes[i];
    return value;
  }
  const text = field(bytes).trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : null;
}

function checksumMatches(block: Uint8Array): boolean {
  const stored = numberField(block.subarray(148, 156));
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < TAR_BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : block[i];
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

const hasUstarMagic = (block: Uint8Array) => field(block.subarray(257, 262)) === 'ustar';

/** Whether `head` (at least the first 512 bytes of a file) is a ustar, GNU or pax tar header. */
export function isTar(head: Uint8Array): boolean {
  return head.length >= TAR_BLOCK && hasUstarMagic(head) && checksumMatches(head.subarray(0, TAR_BLOCK));
}

function headerName(block: Uint8Array): string {
  const name = field(block.subarray(0, 100));
  const posix = hasUstarMagic(block) && block[262] === 0;
  const prefix = posix ? field(block.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** pax records "<length> <key>=<value>\n" (length counts the whole record, in bytes). */
function paxRecords(data: Uint8Array, where: string): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length && data[at] !== 0) {
    const space = data.indexOf(0x20, at);
    const length = space > at ? Number(new TextDecoder().decode(data.subarray(at, space))) : NaN;
    if (!Number.isInteger(length) || length <= space - at || at + length > data.length) badTar(`a pax header record at byte ${at} of its header is malformed`, where);
    const record = new TextDecoder().decode(data.subarray(space + 1, at + length - 1));
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}

function kindOf(type: string): TarEntry['kind'] {
  if (type === '0' || type === '\0' || type === '7') return 'file';
  return type === '5' ? 'directory' : 'other';
}

/**
 * The archive's entries in order. Each is yielded while the walk stands at its data: read it then
 * (`entry.read()`), or go on and it is skipped (a seek for a ByteSource, a drain for a stream).
 * Leaving the loop early closes the input.
 */
export async function* tarEntries(input: OrderedBytes, where: string): AsyncGenerator<TarEntry> {
  let longName: string | undefined;
  let pax = new Map<string, string>();
  /** Passes `length` bytes that belong to `what`, or says the archive ends inside it. */
  const pass = async (length: number, what: string) => {
    if ((await input.skip(length)) < length) badTar(`it ends inside ${what}, at byte ${input.position}`, where);
  };
  try {
    for (;;) {
      const at = input.position;
      const block = await input.read(TAR_BLOCK);
      if (block.length === 0) return;
      if (block.length < TAR_BLOCK) badTar(`it ends inside the header at byte ${at}`, where);
      if (block.every((b) => b === 0)) return;
      if (!checksumMatches(block)) badTar(`the header at byte ${at} is damaged (its checksum does not match)`, where);
      const type = String.fromCharCode(block[156]);
      const declared = pax.has('size') ? Number(pax.get('size')) : numberField(block.subarray(124, 136));
      if (declared === null || !Number.isSafeInteger(declared) || declared < 0) badTar(`the header at byte ${at} gives no size`, where);
      const size = declared;
      if ('LKxg'.includes(type)) {
        if (size > MAX_META_BYTES) badTar(`the ${type === 'L' || type === 'K' ? 'long-name' : 'pax'} header at byte ${at} declares ${size} bytes`, where);
        const data = await input.read(size);
        if (data.length < size) badTar(`it ends inside the header at byte ${at}`, where);
        await pass(padded(size) - size, `the header at byte ${at}`);
        if (type === 'L') longName = field(data);
        if (type === 'x') pax = paxRecords(data, where);
        continue;
      }
      const name = pax.get('path') ?? longName ?? headerName(block);
      longName = undefined;
      pax = new Map();
      let taken = 0;
      let current = true;
      const offset = input.position;
      yield {
        name, size, kind: kindOf(type), offset,
        async read(maxBytes = MAX_INFLATED_BYTES) {
          if (!current || taken > 0) throw new Error(`tarEntries: ${name} can only be read once, while the walk is at it`);
          if (size > maxBytes) throw tooManyBytes('DATA_TOO_LARGE', `Reading ${name} from ${where}`, size, maxBytes, where);
          const data = await input.read(size);
          taken = data.length;
          if (data.length < size) badTar(`it ends inside ${name}, after ${data.length} of its ${size} bytes`, where);
          return data;
        },
      };
      current = false;
      await pass(padded(size) - taken, name);
    }
  } finally {
    await input.close();
  }
}
