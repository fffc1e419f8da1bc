/**
 * Version-1 B-trees (format spec §III.A.1, "TREE"), walked left to right without recursion:
 * node type 0 indexes a group's symbol nodes (keys are name offsets in the local heap), type 1
 * a dataset's chunks (key: chunk size on disk, filter mask, element offsets). Each node is visited
 * once (a cycle or a level that does not descend is damage).
 */
import { corrupt, type FileView, UNDEFINED } from './view';

export interface ChunkEntry {
  /** Element offsets of the chunk's first element, one per dataset dimension. */
  offset: number[];
  /** Absolute address and stored size of the chunk. */
  address: number;
  size: number;
  /** Bit i set: filter i of the pipeline was skipped for this chunk. */
  filterMask: number;
}

const MAX_ENTRIES = 65536;

interface Visit {
  address: number;
  level: number;
}

/** Leaves of a v1 B-tree of `type`: children of level-0 nodes, with the key before each. */
function walk(file: FileView, root: number, type: 0 | 1, keySize: number, leaf: (keyAt: number, child: number) => void): void {
  const seen = new Set<number>();
  const stack: Visit[] = [{ address: root, level: -1 }];
  const O = file.offsetSize;
  while (stack.length > 0) {
    const { address, level: expected } = stack.pop()!;
    if (seen.has(address)) throw corrupt(`the B-tree node at byte ${address} is reached twice`);
    seen.add(address);
    file.expectSignature(address, 'TREE', 'a B-tree node');
    if (file.u8(address + 4) !== type) throw corrupt(`the B-tree node at byte ${address} has type ${file.u8(address + 4)}, expected ${type}`);
    const level = file.u8(address + 5);
    if (expected >= 0 && level !== expected) throw corrupt(`the B-tree node at byte ${address} has level ${level}, expected ${expected}`);
    const entries = file.u16(address + 6);
    if (entries > MAX_ENTRIES) throw corrupt(`the B-tree node at byte ${address} declares ${entries} entries`);
    const first = address + 8 + 2 * O;
    const stride = keySize + O;
    file.need(first, entries * stride + keySize, 'a B-tree node');
    const children: number[] = [];
    for (let i = 0; i < entries; i++) {
      const child = file.address(first + i * stride + keySize, 'a B-tree child address');
      if (child === UNDEFINED) throw corrupt(`the B-tree node at byte ${address} has an undefined child`);
      if (level === 0) leaf(first + i * stride, child);
      else children.push(child);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ address: children[i], level: level - 1 });
  }
}

/** The symbol node (SNOD) addresses of a group's B-tree, in name order. */
export function groupSymbolNodes(file: FileView, root: number): number[] {
  const nodes: number[] = [];
  walk(file, root, 0, file.lengthSize, (_key, child) => nodes.push(child));
  return nodes;
}

/** The chunks of a dataset whose chunk B-tree is at `root` (`rank` dataset dimensions). */
export function btree1Chunks(file: FileView, root: number, rank: number): ChunkEntry[] {
  const chunks: ChunkEntry[] = [];
  walk(file, root, 1, 8 + 8 * (rank + 1), (key, child) => {
    const offset: number[] = [];
    for (let d = 0; d < rank; d++) offset.push(file.uint(key + 8 + 8 * d, 8, 'a chunk offset'));
    chunks.push({ offset, address: child, size: file.u32(key), filterMask: file.u32(key + 4) });
  });
  return chunks;
}
