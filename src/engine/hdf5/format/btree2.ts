/**
 * Version-2 B-trees (format spec §III.A.2: "BTHD" header, "BTIN" internal and "BTLF" leaf nodes,
 * each with a lookup3 checksum). Only the records are needed here (dense links: type 5, dense
 * attributes: type 8, chunks: types 10 and 11, huge heap objects: type 1), so the walk collects
 * the byte position of every record, each node visited once.
 */
import { lookup3 } from './checksum';
import { corrupt, type FileView, UNDEFINED } from './view';

export interface Btree2Records {
  type: number;
  recordSize: number;
  /** Absolute byte position of each record. */
  records: number[];
}

const PREFIX = 10; // signature, version, type, checksum
const MAX_DEPTH = 16;

/** Bytes needed to store `value` (H5VM_limit_enc_size). */
export function encodedSize(value: number): number {
  let bits = 0;
  for (let v = value; v >= 2; v = Math.floor(v / 2)) bits++;
  return Math.floor(bits / 8) + 1;
}

function verify(file: FileView, from: number, to: number, what: string): void {
  file.need(from, to - from + 4, what);
  if (lookup3(file.bytes, from, to - from) !== file.u32(to)) throw corrupt(`the checksum of ${what} at byte ${from} does not match`);
}

export function btree2Records(file: FileView, header: number, types: readonly number[]): Btree2Records {
  const O = file.offsetSize;
  file.expectSignature(header, 'BTHD', 'a v2 B-tree header');
  const type = file.u8(header + 5);
  if (!types.includes(type)) throw corrupt(`the v2 B-tree at byte ${header} has type ${type}, expected ${types.join(' or ')}`);
  const nodeSize = file.u32(header + 6);
  const recordSize = file.u16(header + 10);
  const depth = file.u16(header + 12);
  const root = file.address(header + 16, 'a v2 B-tree root');
  const rootRecords = file.u16(header + 16 + O);
  verify(file, header, header + 18 + O + file.lengthSize, 'a v2 B-tree header');
  if (recordSize < 1 || nodeSize < PREFIX + recordSize || depth > MAX_DEPTH) throw corrupt(`the v2 B-tree at byte ${header} has node size ${nodeSize}, record size ${recordSize}, depth ${depth}`);
  const records: number[] = [];
  if (root === UNDEFINED || rootRecords === 0) return { type, recordSize, records };
  // Per depth: most records a node holds, and the widths of the child pointers' counts.
  const max = [Math.floor((nodeSize - PREFIX) / recordSize)];
  const cumulative = [max[0]];
  const cumulativeSize = [0];
  const countSize = encodedSize(max[0]);
  const pointerSize = (d: number) => O + countSize + (d > 1 ? cumulativeSize[d - 1] : 0);
  for (let d = 1; d <= depth; d++) {
    max.push(Math.floor((nodeSize - (PREFIX + pointerSize(d))) / (recordSize + pointerSize(d))));
    cumulative.push((max[d] + 1) * cumulative[d - 1] + max[d]);
    if (!Number.isSafeInteger(cumulative[d]) || max[d] < 1) throw corrupt(`the v2 B-tree at byte ${header} cannot have depth ${depth} with ${nodeSize}-byte nodes`);
    cumulativeSize.push(encodedSize(cumulative[d]));
  }
  const seen = new Set<number>();
  const stack: Array<[number, number, number]> = [[root, depth, rootRecords]];
  while (stack.length > 0) {
    const [address, d, count] = stack.pop()!;
    if (seen.has(address)) throw corrupt(`the v2 B-tree node at byte ${address} is reached twice`);
    seen.add(address);
    if (count > max[d]) throw corrupt(`the v2 B-tree node at byte ${address} declares ${count} records, over its ${max[d]}`);
    file.expectSignature(address, d === 0 ? 'BTLF' : 'BTIN', 'a v2 B-tree node');
    if (file.u8(address + 5) !== type) throw corrupt(`the v2 B-tree node at byte ${address} has the wrong type`);
    const first = address + 6;
    for (let i = 0; i < count; i++) records.push(first + i * recordSize);
    let p = first + count * recordSize;
    if (d > 0) {
      for (let i = 0; i <= count; i++) {
        const child = file.address(p, 'a v2 B-tree child');
        const childCount = file.uint(p + O, countSize, 'a v2 B-tree record count');
        p += pointerSize(d);
        if (child === UNDEFINED) throw corrupt(`the v2 B-tree node at byte ${address} has an undefined child`);
        stack.push([child, d - 1, childCount]);
      }
    }
    verify(file, address, p, 'a v2 B-tree node');
  }
  return { type, recordSize, records };
}
