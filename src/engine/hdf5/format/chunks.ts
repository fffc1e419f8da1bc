/**
 * Every stored chunk of a chunked dataset, whatever its index (layout versions 1–3: a v1 B-tree;
 * version 4: single chunk, implicit, fixed array, extensible array, v2 B-tree), as element
 * offsets + address + stored size + filter mask. This is what lets the reader inflate each chunk
 * itself with a cap (../read.ts never hands a filtered chunk to HDF5 unchecked), and read only
 * the chunks a row range needs. Array indexes number chunks over the grid of the maximum
 * dimensions (the unlimited one first for an extensible array), as HDF5 does.
 */
import { extensibleArrayEntries, fixedArrayEntries } from './arrayIndex';
import { btree1Chunks, type ChunkEntry } from './btree1';
import { btree2Records } from './btree2';
import type { Layout } from './layout';
import { corrupt, type FileView, UNDEFINED } from './view';

export type { ChunkEntry } from './btree1';

type Chunked = Extract<Layout, { kind: 'chunked' }>;

export function chunkBytes(layout: Chunked): number {
  return layout.chunk.reduce((a, b) => a * b, layout.elementSize);
}

/** Chunk coordinates (in chunks) of linear index `index` over `grid`, with dimension `first` slowest. */
function coordinates(index: number, grid: number[], first: number): number[] {
  const order = [first, ...grid.map((_, d) => d).filter((d) => d !== first)];
  const coords = new Array<number>(grid.length).fill(0);
  let rest = index;
  for (let k = order.length - 1; k >= 1; k--) {
    const d = order[k];
    coords[d] = rest % grid[d];
    rest = Math.floor(rest / grid[d]);
  }
  if (order.length > 0) coords[order[0]] = rest;
  return coords;
}

/** Chunks per dimension over the maximum extent (the current one where none is declared). */
function maxGrid(layout: Chunked, shape: number[], maxshape: number[] | null): number[] {
  return layout.chunk.map((c, d) => {
    const max = maxshape?.[d] ?? shape[d];
    return Math.ceil((max === Infinity ? shape[d] : Math.max(max, shape[d])) / c);
  });
}

export function listChunks(file: FileView, layout: Chunked, shape: number[], maxshape: number[] | null): ChunkEntry[] {
  const rank = shape.length;
  if (layout.chunk.length !== rank) throw corrupt(`a chunked layout has ${layout.chunk.length} dimensions for a dataset of ${rank}`);
  if (layout.address === UNDEFINED) return [];
  const bytes = chunkBytes(layout);
  const O = file.offsetSize;
  const index = layout.index;
  const grid = maxGrid(layout, shape, maxshape);
  const fromEntry = (linear: number, at: number, entrySize: number, filtered: boolean, first: number): ChunkEntry | undefined => {
    const address = file.address(at);
    if (address === UNDEFINED) return undefined;
    const coords = coordinates(linear, grid, first);
    return {
      offset: coords.map((k, d) => k * layout.chunk[d]), address,
      size: filtered ? file.uint(at + O, entrySize - O - 4, 'a chunk size') : bytes,
      filterMask: filtered ? file.u32(at + entrySize - 4) : 0,
    };
  };
  switch (index.type) {
    case 'btree1':
      return btree1Chunks(file, layout.address, rank);
    case 'single':
      return [{ offset: shape.map(() => 0), address: layout.address, size: index.filteredSize ?? bytes, filterMask: index.filterMask ?? 0 }];
    case 'implicit': {
      const total = grid.reduce((a, b) => a * b, 1);
      file.need(layout.address, total * bytes, 'the chunks of an implicitly indexed dataset');
      return Array.from({ length: total }, (_, i) => ({ offset: coordinates(i, grid, 0).map((k, d) => k * layout.chunk[d]), address: layout.address + i * bytes, size: bytes, filterMask: 0 }));
    }
    case 'fixedArray':
    case 'extensibleArray': {
      // Both headers: signature, version, client (1: filtered chunks), entry size.
      const filtered = file.u8(layout.address + 5) === 1;
      const entrySize = file.u8(layout.address + 6);
      if (entrySize < O + (filtered ? 5 : 0)) throw corrupt(`the chunk index at byte ${layout.address} has ${entrySize}-byte entries`);
      const first = index.type === 'fixedArray' ? 0 : Math.max(0, (maxshape ?? []).findIndex((m) => m === Infinity));
      const out: ChunkEntry[] = [];
      const visit = (i: number, at: number) => {
        const entry = fromEntry(i, at, entrySize, filtered, first);
        if (entry) out.push(entry);
      };
      if (index.type === 'fixedArray') fixedArrayEntries(file, layout.address, visit);
      else extensibleArrayEntries(file, layout.address, visit);
      return out;
    }
    case 'btree2': {
      const tree = btree2Records(file, layout.address, [10, 11]);
      const filtered = tree.type === 11;
      const sizeBytes = tree.recordSize - O - 8 * rank - (filtered ? 4 : 0);
      if (sizeBytes < 0 || (filtered && sizeBytes < 1)) throw corrupt(`the chunk B-tree at byte ${layout.address} has ${tree.recordSize}-byte records for ${rank} dimensions`);
      return tree.records.map((at) => {
        const scaledAt = at + O + (filtered ? sizeBytes + 4 : 0);
        return {
          offset: shape.map((_, d) => file.uint(scaledAt + 8 * d, 8, 'a chunk offset') * layout.chunk[d]),
          address: file.address(at),
          size: filtered ? file.uint(at + O, sizeBytes, 'a chunk size') : bytes,
          filterMask: filtered ? file.u32(at + O + sizeBytes) : 0,
        };
      });
    }
  }
}
