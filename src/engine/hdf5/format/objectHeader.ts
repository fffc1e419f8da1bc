/**
 * Object headers (format spec §IV.A): the list of messages that make an object a group or a
 * dataset, and where each message's bytes are. Version 1 (16-byte prefix, 8-byte message
 * headers) and version 2 ("OHDR", lookup3 checksum, optional creation order per message), with
 * continuation blocks followed iteratively (each at most once: a loop of continuations is damage).
 */
import { lookup3 } from './checksum';
import { corrupt, Cursor, type FileView, UNDEFINED } from './view';

export const MSG = {
  NIL: 0x00, DATASPACE: 0x01, LINK_INFO: 0x02, DATATYPE: 0x03, FILL_OLD: 0x04, FILL: 0x05, LINK: 0x06, EXTERNAL: 0x07,
  LAYOUT: 0x08, GROUP_INFO: 0x0a, PIPELINE: 0x0b, ATTRIBUTE: 0x0c, CONTINUATION: 0x10, SYMBOL_TABLE: 0x11, SOHM_TABLE: 0x0f, ATTRIBUTE_INFO: 0x15,
} as const;

/** Message flag bit 1: the message is stored elsewhere (a committed datatype, the shared-message heap). */
export const SHARED = 0x02;

export interface Message {
  type: number;
  /** Absolute position of the message's data, and its size. */
  at: number;
  size: number;
  flags: number;
  /** Creation order (version-2 headers that track it). */
  order?: number;
}

export interface ObjectHeader {
  address: number;
  version: 1 | 2;
  /** Version-2 header flags: bit 2 attribute creation order tracked, bit 3 indexed. */
  flags: number;
  messages: Message[];
  /** Version 2: the blocks [from, to) whose lookup3 checksum is stored at `to`. */
  checksummed: Array<[number, number]>;
}

const MAX_CHUNKS = 4096;

export function readObjectHeader(file: FileView, address: number, where?: string): ObjectHeader {
  if (address === UNDEFINED) throw corrupt('an object has no header address', where);
  const messages: Message[] = [];
  const checksummed: Array<[number, number]> = [];
  const pending: Array<[number, number]> = [];
  const seen = new Set<number>();
  let version: 1 | 2;
  let flags = 0;
  if (file.isSignature(address, 'OHDR')) {
    version = 2;
    if (file.u8(address + 4) !== 2) throw corrupt(`the object header at byte ${address} has version ${file.u8(address + 4)}`, where);
    flags = file.u8(address + 5);
    let p = address + 6 + (flags & 0x20 ? 16 : 0) + (flags & 0x10 ? 4 : 0);
    const sizeBytes = 1 << (flags & 3);
    const size = file.uint(p, sizeBytes, 'an object header size');
    p += sizeBytes;
    checkSum(file, address, p + size, where);
    checksummed.push([address, p + size]);
    readChunk2(file, p, p + size, flags, messages, pending, where);
  } else {
    version = 1;
    if (file.u8(address) !== 1) throw corrupt(`the object header at byte ${address} has version ${file.u8(address)}`, where);
    const size = file.u32(address + 8);
    readChunk1(file, address + 16, address + 16 + size, messages, pending, where);
  }
  seen.add(address);
  for (let next = 0; next < pending.length; next++) {
    const [at, length] = pending[next];
    if (seen.has(at)) throw corrupt(`the object header at byte ${address} continues into itself`, where);
    seen.add(at);
    if (seen.size > MAX_CHUNKS) throw corrupt(`the object header at byte ${address} has more than ${MAX_CHUNKS} continuation blocks`, where);
    if (version === 1) readChunk1(file, at, at + length, messages, pending, where);
    else {
      file.expectSignature(at, 'OCHK', 'an object header continuation');
      checkSum(file, at, at + length - 4, where);
      checksummed.push([at, at + length - 4]);
      readChunk2(file, at + 4, at + length - 4, flags, messages, pending, where);
    }
  }
  return { address, version, flags, messages, checksummed };
}

function checkSum(file: FileView, from: number, to: number, where?: string): void {
  file.need(from, to - from + 4, 'an object header');
  if (lookup3(file.bytes, from, to - from) !== file.u32(to)) throw corrupt(`the checksum of the object header block at byte ${from} does not match`, where);
}

function continuation(file: FileView, message: Message, pending: Array<[number, number]>): void {
  const c = new Cursor(file, message.at, message.at + message.size, 'a continuation message');
  const at = c.address();
  const length = c.length();
  if (at === UNDEFINED || length < 1) throw corrupt(`a continuation message points at nothing (byte ${message.at})`);
  file.need(at, length, 'an object header continuation block');
  pending.push([at, length]);
}

function readChunk1(file: FileView, from: number, to: number, messages: Message[], pending: Array<[number, number]>, where?: string): void {
  file.need(from, to - from, 'an object header block');
  for (let p = from; p + 8 <= to;) {
    const type = file.u16(p);
    const size = file.u16(p + 2);
    const message: Message = { type, at: p + 8, size, flags: file.u8(p + 4) };
    if (message.at + size > to) throw corrupt(`a message of the object header block at byte ${from} runs past the block`, where);
    if (type === MSG.CONTINUATION) continuation(file, message, pending);
    else if (type !== MSG.NIL) messages.push(message);
    p = message.at + size;
  }
}

function readChunk2(file: FileView, from: number, to: number, headerFlags: number, messages: Message[], pending: Array<[number, number]>, where?: string): void {
  const prefix = headerFlags & 0x04 ? 6 : 4;
  for (let p = from; p + prefix <= to;) {
    const type = file.u8(p);
    const size = file.u16(p + 1);
    const message: Message = { type, at: p + prefix, size, flags: file.u8(p + 3) };
    if (prefix === 6) message.order = file.u16(p + 4);
    if (message.at + size > to) throw corrupt(`a message of the object header block at byte ${from} runs past the block`, where);
    if (type === MSG.CONTINUATION) continuation(file, message, pending);
    else if (type !== MSG.NIL) messages.push(message);
    p = message.at + size;
  }
}

export function findMessage(header: ObjectHeader, type: number): Message | undefined {
  return header.messages.find((m) => m.type === type);
}
