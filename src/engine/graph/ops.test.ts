import { describe, expect, it } from 'vitest';
import { graphLabInfo } from './labMetadata';
import { addEdge, addPrimitiveNode, extractFragment, graphWithPositions, movedPositions, pasteFragment, removeItems, uniqueName } from './ops';
import { lifClassifier } from './templates';

const net = () => lifClassifier({ inputs: 4, hidden: 3, classes: 2 });

describe('graph edits', () => {
  it('names new nodes without clashing', () => {
    expect(uniqueName(['lif', 'lif_2'], 'lif')).toBe('lif_3');
    expect(uniqueName([], 'a/b')).toBe('a_b');
  });

  it('adds a palette node under its type\'s name, at the given spot, leaving the original untouched', () => {
    const graph = net();
    const first = addPrimitiveNode(graph, {}, 'LIF', [10, 20]);
    expect(first.name).toBe('lif');
    expect(first.graph.nodes.lif.type).toBe('LIF');
    expect(first.positions).toEqual({ lif: [10, 20] });
    expect(addPrimitiveNode(first.graph, first.positions, 'LIF', [0, 0]).name).toBe('lif_2');
    expect(addPrimitiveNode(graph, {}, 'NIRGraph', [0, 0]).name).toBe('subgraph');
    expect(graph.nodes.lif).toBeUndefined();
  });

  it('removing a node removes its edges and leaves the original untouched', () => {
    const graph = net();
    const next = removeItems(graph, ['lif1']);
    expect(Object.keys(next.nodes)).not.toContain('lif1');
    expect(next.edges.some(([s, t]) => s === 'lif1' || t === 'lif1')).toBe(false);
    expect(graph.nodes.lif1).toBeDefined();
    expect(removeItems(graph, [], ['fc1->lif1']).edges).toHaveLength(graph.edges.length - 1);
  });

  it('adds an edge once and only between existing nodes', () => {
    const graph = net();
    expect(addEdge(graph, 'input', 'fc1')).toBe(graph);
    expect(addEdge(graph, 'input', 'nowhere')).toBe(graph);
    expect(addEdge(graph, 'input', 'fc2').edges).toContainEqual(['input', 'fc2']);
  });

  it('copies a fragment with its inner edges and pastes it under fresh names', () => {
    const graph = net();
    const fragment = extractFragment(graph, { fc1: [10, 20], lif1: [10, 80] }, ['fc1', 'lif1']);
    expect(fragment.edges).toEqual([['fc1', 'lif1']]);
    const pasted = pasteFragment(graph, {}, fragment, [40, 40]);
    expect(pasted.names).toEqual(['fc1_2', 'lif1_2']);
    expect(pasted.graph.edges).toContainEqual(['fc1_2', 'lif1_2']);
    expect(pasted.positions.fc1_2).toEqual([50, 60]);
  });

  it('applies only the moves that change a position, keeping the same object when none do', () => {
    const positions = { input: [0, 0] as [number, number] };
    expect(movedPositions(positions, { input: [0, 0] })).toBe(positions);
    expect(movedPositions(positions, { input: [5, 0], fc1: [9, 9] })).toEqual({ input: [5, 0], fc1: [9, 9] });
    expect(positions).toEqual({ input: [0, 0] });
  });

  it('writes positions of existing nodes into the saved metadata', () => {
    const saved = graphWithPositions(net(), { input: [5, 6], gone: [1, 1] });
    expect(graphLabInfo(saved.metadata).positions).toEqual({ input: [5, 6] });
    expect(graphLabInfo(saved.metadata).dt).toBe(1e-3);
  });
});
