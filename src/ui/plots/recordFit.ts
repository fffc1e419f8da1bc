/**
 * Whether a recorded sample belongs to the graph on the canvas: every recorded layer names a node
 * of the same type and size (dotted names reach into subgraphs, as the compiler flattens them;
 * their size is not checked, the analysis has top-level shapes only). Templates share names such
 * as lif1 and readout, so the size is what tells their records apart. Plots show
 * a record only while this holds, so a previous graph's raster, traces and input never linger under
 * another graph, even if a late frame arrives after the switch.
 */
import type { SimulationRecord } from '../../engine/train/types';
import type { NodeShapes } from '../../engine/graph/shapes';
import { sizeOf, type NirGraph, type NirNode } from '../../engine/graph/types';

function nodeAt(graph: NirGraph, path: string): NirNode | undefined {
  const [head, ...rest] = path.split('.');
  const node = graph.nodes[head];
  if (rest.length === 0 || !node) return node;
  return node.type === 'NIRGraph' ? nodeAt(node, rest.join('.')) : undefined;
}

export function recordFitsGraph(record: SimulationRecord, graph: NirGraph, shapes: Record<string, NodeShapes>): boolean {
  return record.layers.length > 0 && record.layers.every((layer) => {
    if (nodeAt(graph, layer.name)?.type !== layer.type) return false;
    const shape = layer.name.includes('.') ? undefined : shapes[layer.name]?.output;
    return !shape || sizeOf(shape) === layer.size;
  });
}
