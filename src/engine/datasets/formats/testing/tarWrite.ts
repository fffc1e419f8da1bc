/**
 * A small tar writer for tests (the layout ../tar.ts reads): POSIX ustar headers, with a name too
 * long for them written as a GNU long-name entry ('L') or a pax header ('x'), as GNU tar and
 * Python's tarfile do; directories; the two zero blocks at the end (or none, `end: false`).
 */
const BLOCK = 512;

export interface TarFileSpec {
  name: string;
  /** Absent for a directory. */
  bytes?: Uint8Array;
}

export interface TarWriteOptions {
  /** How names over 100 bytes are written (default GNU 'L'). */
  longNames?: 'gnu' | 'pax';
  /** Write the end-of-archive blocks (default true). */
  end?: boolean;
}

const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, '0')}\0`;

function header(name: string, size: number, type: string, posix: boolean): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (text: string, at: number) => block.set(new TextEncoder().encode(text), at);
  put(name.slice(0, 100), 0);
  put(octal(0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(size, 12), 124);
  put(octal(0, 12), 136);
  put(type, 156);
  if (posix) put('ustar\u000000', 257);
  else put('ustar  \0', 257);
  block.fill(0x20, 148, 156);
  const sum = block.reduce((a, b) => a + b, 0);
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

const padTo = (bytes: Uint8Array) => {
  const out = new Uint8Array(Math.ceil(bytes.length / BLOCK) * BLOCK);
  out.set(bytes);
  return out;
};

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length = `${length}${body}`.length;
  return `${length}${body}`;
}

/** The entries as one tar archive. */
export function tarBytes(files: readonly TarFileSpec[], options: TarWriteOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const file of files) {
    const directory = file.bytes === undefined;
    const name = directory && !file.name.endsWith('/') ? `${file.name}/` : file.name;
    const data = file.bytes ?? new Uint8Array(0);
    if (new TextEncoder().encode(name).length > 100) {
      const meta = new TextEncoder().encode(options.longNames === 'pax' ? paxRecord('path', name) : `${name}\0`);
      parts.push(header(options.longNames === 'pax' ? 'PaxHeader' : '././@LongLink', meta.length, options.longNames === 'pax' ? 'x' : 'L', options.longNames === 'pax'), padTo(meta));
    }
    parts.push(header(name, data.length, directory ? '5' : '0', options.longNames === 'pax'), padTo(data));
  }
  if (options.end !== false) parts.push(new Uint8Array(2 * BLOCK));
  return new Uint8Array(Buffer.concat(parts));
}
