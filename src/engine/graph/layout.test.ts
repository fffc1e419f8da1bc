import { describe, expect, it } from 'vitest';
import { withGraphLabInfo } from './labMetadata';
import { DEFAULT_NODE_SIZE, layoutGraph } from './layout';
import { filled, ndarray, type NirGraph } from './types';

/** input → fc1 → lif1 ⇄ rec1, lif1 → fc2 → li2 → output (the shape of fixtures/nir/shd_rsnn_flat.nir). */
function recurrent(): NirGraph {
  const lif = () => ({ type: 'LIF' as const, tau: filled([4], 0.02), r: filled([4], 1), v_leak: filled([4], 0), v_threshold: filled([4], 1), v_reset: filled([4], 0) });
  return {
    type: 'NIRGraph',
    nodes: {
      input: { type: 'Input', shape: [3] },
      fc1: { type: 'Affine', weight: ndarray([4, 3]), bias: ndarray([4]) },
      lif1: lif(),
      rec1: { type: 'Linear', weight: ndarray([4, 4]) },
      fc2: { type: 'Linear', weight: ndarray([2, 4]) },
      li2: { type: 'LI', tau: filled([2], 0.02), r: filled([2], 1), v_leak: filled([2], 0) },
      output: { type: 'Output', shape: [2] },
    },
    edges: [['input', 'fc1'], ['fc1', 'lif1'], ['lif1', 'rec1'], ['rec1', 'lif1'], ['lif1', 'fc2'], ['fc2', 'li2'], ['li2', 'output'], ['lif1', 'lif1'], ['fc2', 'ghost']],
  };
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return Math.abs(a[0] - b[0]) < DEFAULT_NODE_SIZE.width && Math.abs(a[1] - b[1]) < DEFAULT_NODE_SIZE.height;
}

describe('layoutGraph', () => {
  it('lays a graph out left to right along its edges, cycles and dangling edges included', () => {
    const { positions, restored, computed } = layoutGraph(recurrent());
    expect(restored).toEqual([]);
    expect(computed.sort()).toEqual(['fc1', 'fc2', 'input', 'li2', 'lif1', 'output', 'rec1']);
    const x = (n: string) => positions[n][0];
    expect(x('input')).toBeLessThan(x('fc1'));
    expect(x('fc1')).toBeLessThan(x('lif1'));
    expect(x('lif1')).toBeLessThan(x('fc2'));
    expect(x('fc2')).toBeLessThan(x('li2'));
    expect(x('li2')).toBeLessThan(x('output'));
    const names = Object.keys(positions);
    for (const a of names) for (const b of names) if (a < b) expect(overlaps(positions[a], positions[b]), `${a} overlaps ${b}`).toBe(false);
    expect(Object.values(positions).flat().every(Number.isFinite)).toBe(true);
  });

  it('is deterministic', () => {
    expect(layoutGraph(recurrent())).toEqual(layoutGraph(recurrent()));
  });

  it('restores every saved position without running the layout', () => {
    const graph = recurrent();
    const saved: Record<string, [number, number]> = {};
    Object.keys(graph.nodes).forEach((name, i) => (saved[name] = [1000 + 7 * i, -50 * i]));
    graph.metadata = withGraphLabInfo({ other: 'kept' }, { positions: saved });
    const result = layoutGraph(graph);
    expect(result.positions).toEqual(saved);
    expect(result.computed).toEqual([]);
    expect(layoutGraph(graph, { ignoreSaved: true }).positions).not.toEqual(saved);
  });

  it('places nodes without a saved position next to the saved arrangement', () => {
    const graph = recurrent();
    const fresh = layoutGraph(graph).positions;
    const saved: Record<string, [number, number]> = {};
    for (const [name, [x, y]] of Object.entries(fresh)) if (name !== 'output') saved[name] = [x + 500, y + 300];
    graph.metadata = withGraphLabInfo(undefined, { positions: saved });
    const result = layoutGraph(graph);
    expect(result.computed).toEqual(['output']);
    // Every saved node moved by (500, 300), so the new node lands where the fresh layout put it, shifted alike.
    expect(result.positions.output[0]).toBeCloseTo(fresh.output[0] + 500, 6);
    expect(result.positions.output[1]).toBeCloseTo(fresh.output[1] + 300, 6);
  });

  it('honours per-node sizes and handles an empty graph', () => {
    const graph = recurrent();
    const { positions } = layoutGraph(graph, { sizes: { lif1: { width: 400, height: 300 } } });
    expect(positions.fc2[0] - positions.lif1[0]).toBeGreaterThanOrEqual(400);
    expect(layoutGraph({ type: 'NIRGraph', nodes: {}, edges: [] })).toEqual({ positions: {}, restored: [], computed: [] });
  });
});
