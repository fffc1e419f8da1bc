import { beforeEach, describe, expect, it } from 'vitest';
import { lifClassifier } from '../../engine/graph/templates';
import { EMPTY_GRAPH, useGraphStore } from './graphStore';
import { removeItems } from '../../engine/graph/ops';

const net = () => lifClassifier({ inputs: 4, hidden: 3, classes: 2 });

describe('graph store', () => {
  beforeEach(() => useGraphStore.setState({ graph: EMPTY_GRAPH, positions: {}, history: { past: [], future: [] } }));

  it('load, edit, undo, redo', () => {
    const store = useGraphStore.getState();
    store.load(net(), { input: [0, 0] });
    useGraphStore.getState().edit((s) => ({ ...s, graph: removeItems(s.graph, ['lif1']) }));
    expect(useGraphStore.getState().graph.nodes.lif1).toBeUndefined();
    useGraphStore.getState().undo();
    expect(useGraphStore.getState().graph.nodes.lif1).toBeDefined();
    useGraphStore.getState().undo();
    expect(useGraphStore.getState().graph).toBe(EMPTY_GRAPH);
    useGraphStore.getState().redo();
    useGraphStore.getState().redo();
    expect(useGraphStore.getState().graph.nodes.lif1).toBeUndefined();
  });

  it('a drag is one undo step however many moves it has', () => {
    useGraphStore.getState().load(net(), { input: [0, 0] });
    const steps = useGraphStore.getState().history.past.length;
    useGraphStore.getState().commitMoves({ input: [5, 0], fc1: [9, 9] });
    useGraphStore.getState().commitMoves({ input: [5, 0] }); // no change: no step
    expect(useGraphStore.getState().history.past.length).toBe(steps + 1);
    useGraphStore.getState().undo();
    expect(useGraphStore.getState().positions.input).toEqual([0, 0]);
    expect(useGraphStore.getState().positions.fc1).toBeUndefined();
  });
});
