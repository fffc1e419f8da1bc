/**
 * Shared messages (format spec §IV.A.2, "Shared Message"): a message flagged as shared holds a
 * reference instead of its body. A committed datatype (an object header elsewhere in the file,
 * versions 1–3) is followed here; a message in the shared-message heap (SOHM, version 3 type 1)
 * is left to h5wasm.
 */
import { readDatatype, type FileType } from './datatype';
import { findMessage, MSG, readObjectHeader } from './objectHeader';
import { corrupt, Cursor, type FileView, Unsupported } from './view';

export function sharedAddress(file: FileView, at: number, size: number): number {
  const c = new Cursor(file, at, at + size, 'a shared message');
  const version = c.u8();
  if (version < 1 || version > 3) throw corrupt(`a shared message has version ${version}`);
  const type = c.u8();
  if (version === 1) {
    c.skip(6);
    c.length();
  } else if (version === 3 && type === 1) throw new Unsupported('a message in the shared-message heap');
  return c.address();
}

/** The datatype of a message that is either a datatype or a reference to a committed one. */
export function datatypeAt(file: FileView, at: number, size: number, shared: boolean): FileType {
  if (!shared) return readDatatype(new Cursor(file, at, at + size, 'a datatype message'));
  const header = readObjectHeader(file, sharedAddress(file, at, size));
  const message = findMessage(header, MSG.DATATYPE);
  if (!message) throw corrupt(`the committed datatype at byte ${header.address} has no datatype message`);
  if (message.flags & 0x02) throw corrupt(`the committed datatype at byte ${header.address} is itself shared`);
  return readDatatype(new Cursor(file, message.at, message.at + message.size, 'a datatype message'));
}
