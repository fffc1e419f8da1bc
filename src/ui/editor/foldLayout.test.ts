import { describe, expect, it } from 'vitest';
import type { Positions } from '../../engine/graph/ops';
import { READABLE_ZOOM, fitZoom } from './fitViewport';
import { ROW_GAP, bestRowCount, foldIntoRows } from './foldLayout';

const NODE = { width: 184, height: 72 };
const PITCH = 268; // node width + rank gap (CANVAS_LAYOUT), as the worker's layered layout spaces columns
const chain = (n: number): Positions => Object.fromEntries(Array.from({ length: n }, (_, i) => [`n${i}`, [i * PITCH, 0]]));

function extentOf(positions: Positions) {
  const xs = Object.values(positions).map(([x]) => x);
  const ys = Object.values(positions).map(([, y]) => y);
  return { width: Math.max(...xs) - Math.min(...xs) + NODE.width, height: Math.max(...ys) - Math.min(...ys) + NODE.height };
}

describe('fold layout', () => {
  it('leaves a short chain in one row', () => {
    const positions = chain(4);
    expect(foldIntoRows(positions, NODE, { width: 1000, height: 500 })).toBe(positions);
  });

  it('folds an 11-layer chain into rows, readable where one row is not', () => {
    const canvas = { width: 890, height: 500 };
    const positions = chain(11);
    expect(fitZoom(extentOf(positions), canvas)).toBeLessThan(0.4);
    const folded = foldIntoRows(positions, NODE, canvas);
    expect(bestRowCount(positions, NODE, canvas)).toBeGreaterThan(1);
    expect(fitZoom(extentOf(folded), canvas)).toBeGreaterThanOrEqual(READABLE_ZOOM - 0.1);
    // Reading order is kept: row by row, left to right.
    const order = Object.entries(folded).sort(([, a], [, b]) => a[1] - b[1] || a[0] - b[0]).map(([name]) => name);
    expect(order).toEqual(Object.keys(positions));
    // Rows start at the left edge, separated by the row gap.
    const rowTops = [...new Set(Object.values(folded).map(([, y]) => y))];
    expect(rowTops[1] - rowTops[0]).toBe(NODE.height + ROW_GAP);
    expect(Math.min(...Object.values(folded).map(([x]) => x))).toBe(0);
  });

  it('takes the fewest rows that are readable', () => {
    // 6 nodes on a 1440-wide screen's canvas: two rows of three read well; three rows would too, but are not needed.
    expect(bestRowCount(chain(6), NODE, { width: 880, height: 500 })).toBe(2);
  });

  it('keeps a branch together in its row', () => {
    const positions: Positions = { ...chain(8), side: [2 * PITCH, 110] };
    const folded = foldIntoRows(positions, NODE, { width: 700, height: 600 });
    expect(folded.side[0]).toBe(folded.n2[0]);
    expect(folded.side[1] - folded.n2[1]).toBe(110);
  });
});
