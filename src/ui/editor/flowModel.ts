/**
 * The NIR graph as React Flow sees it: one node per population (data computed once per graph
 * analysis, so a drag changes positions only), one edge per NIR edge labelled with its shape.
 */
import type { Edge, Node } from '@xyflow/react';
import type { ShapeResult } from '../../engine/graph/shapes';
import { PRIMITIVES, type Category } from '../../engine/graph/primitives';
import { sizeOf, type NirGraph, type NodeType } from '../../engine/graph/types';
import { formatShape, problemsOfEdge, problemsOfNode } from '../state/analysis';
import { edgeId, type Positions } from '../../engine/graph/ops';
import type { Selection } from '../state/graphStore';
import type { Size } from '../state/canvasStore';

export interface PopulationData extends Record<string, unknown> {
  name: string;
  type: NodeType;
  category: Category;
  size: string;
  input: string;
  output: string;
  problem?: string;
}

export interface ShapeEdgeData extends Record<string, unknown> {
  shape: string;
  problem?: string;
}

export type PopulationNode = Node<PopulationData, 'population'>;
export type ShapeEdge = Edge<ShapeEdgeData, 'shape'>;

export function populationData(graph: NirGraph, analysis: ShapeResult): Record<string, PopulationData> {
  const data: Record<string, PopulationData> = {};
  for (const [name, node] of Object.entries(graph.nodes)) {
    const shapes = analysis.shapes[name] ?? {};
    const shape = shapes.output ?? shapes.input;
    const problems = problemsOfNode(analysis.problems, name).filter((p) => p.severity === 'error');
    data[name] = {
      name, type: node.type, category: PRIMITIVES[node.type].category,
      size: node.type === 'NIRGraph' ? `${Object.keys(node.nodes).length} nodes` : shape ? `${sizeOf(shape).toLocaleString('en')} units` : 'size ?',
      input: formatShape(shapes.input), output: formatShape(shapes.output),
      problem: problems[0]?.message,
    };
  }
  return data;
}

export function flowNodes(data: Record<string, PopulationData>, positions: Positions, dragging: Positions,
  measured: Record<string, Size>, selection: Selection): PopulationNode[] {
  const selected = new Set(selection.nodes);
  return Object.entries(data).map(([name, d]) => {
    const [x, y] = dragging[name] ?? positions[name] ?? [0, 0];
    const node: PopulationNode = { id: name, type: 'population', position: { x, y }, data: d, selected: selected.has(name) };
    if (measured[name]) node.measured = measured[name];
    return node;
  });
}

export function flowEdges(graph: NirGraph, analysis: ShapeResult, selection: Selection): ShapeEdge[] {
  const selected = new Set(selection.edges);
  return graph.edges.filter(([s, t]) => s in graph.nodes && t in graph.nodes).map(([source, target]) => {
    const id = edgeId(source, target);
    const problem = problemsOfEdge(analysis.problems, id).find((p) => p.severity === 'error')?.message;
    const recurrent = source === target;
    return {
      id, source, target, type: 'shape', selected: selected.has(id),
      data: { shape: formatShape(analysis.shapes[source]?.output), problem },
      ...(recurrent ? { sourceHandle: 'out', targetHandle: 'in' } : {}),
    };
  });
}
