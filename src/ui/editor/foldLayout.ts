/**
 * A left-to-right layout folded into rows, like lines of text, so a long chain (the 11-layer
 * N-MNIST conv net) is not a thin strip that only fits the canvas at an unreadable zoom. The
 * layered layout's columns (ranks) are cut into k consecutive groups, one row each, top to
 * bottom; k is the fewest rows at which the whole graph fits the canvas at a readable zoom, or,
 * where no k reaches it, the k at which it fits largest (ties go to fewer rows).
 * Within a row the layered positions are kept, so branches and their order stay as laid out.
 */
import type { Positions, XY } from '../../engine/graph/ops';
import { MAX_ZOOM, READABLE_ZOOM, fitZoom, type Size } from './fitViewport';

/** Vertical gap between rows: room for the edge that wraps from one row's end to the next row's start. */
export const ROW_GAP = 56;
const MAX_ROWS = 6;

interface Column {
  x: number;
  names: string[];
}

function columnsOf(positions: Positions): Column[] {
  const byX = new Map<number, string[]>();
  for (const [name, [x]] of Object.entries(positions)) {
    const key = Math.round(x);
    byX.set(key, [...(byX.get(key) ?? []), name]);
  }
  return [...byX.entries()].sort((a, b) => a[0] - b[0]).map(([x, names]) => ({ x, names }));
}

interface Row {
  columns: Column[];
  top: number;
  height: number;
  width: number;
}

function rowsOf(columns: Column[], perRow: number, positions: Positions, node: Size): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < columns.length; i += perRow) {
    const group = columns.slice(i, i + perRow);
    const ys = group.flatMap((c) => c.names.map((n) => positions[n][1]));
    const top = Math.min(...ys);
    rows.push({ columns: group, top, height: Math.max(...ys) - top + node.height, width: group[group.length - 1].x - group[0].x + node.width });
  }
  return rows;
}

function extent(rows: Row[]): Size {
  return { width: Math.max(...rows.map((r) => r.width)), height: rows.reduce((sum, r) => sum + r.height, 0) + ROW_GAP * (rows.length - 1) };
}

/** How many rows make the graph readable on `canvas` with the fewest rows, or else fit it largest (1 when folding does not help). */
export function bestRowCount(positions: Positions, node: Size, canvas: Size): number {
  const columns = columnsOf(positions);
  let best = 1;
  let bestZoom = -1;
  for (let k = 1; k <= Math.min(MAX_ROWS, columns.length); k++) {
    const perRow = Math.ceil(columns.length / k);
    if (k > 1 && Math.ceil(columns.length / perRow) < k) continue; // the same cut as a smaller k
    const zoom = Math.min(MAX_ZOOM, fitZoom(extent(rowsOf(columns, perRow, positions, node)), canvas));
    if (zoom >= READABLE_ZOOM) return k;
    if (zoom > bestZoom * 1.02) {
      best = k;
      bestZoom = zoom;
    }
  }
  return best;
}

/** `positions` (a left-to-right layout of boxes of size `node`) folded into the best number of rows for `canvas`. */
export function foldIntoRows(positions: Positions, node: Size, canvas: Size): Positions {
  const columns = columnsOf(positions);
  const k = bestRowCount(positions, node, canvas);
  if (k === 1) return positions;
  const rows = rowsOf(columns, Math.ceil(columns.length / k), positions, node);
  const out: Positions = {};
  const left = columns[0].x;
  let y = rows[0].top;
  for (const row of rows) {
    const dx = left - row.columns[0].x;
    const dy = y - row.top;
    for (const column of row.columns) {
      for (const name of column.names) {
        const [px, py] = positions[name];
        out[name] = [px + dx, py + dy] as XY;
      }
    }
    y += row.height + ROW_GAP;
  }
  return out;
}
