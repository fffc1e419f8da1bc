/**
 * The canvas (React Flow): populations and edges from the graph store; drags commit once at the
 * end; connections are checked while dragging and refused with the reason; palette items drop
 * where the pointer is.
 */
import { useCallback, useEffect, useMemo, type DragEvent } from 'react';
import {
  Background, Controls, MiniMap, ReactFlow, useReactFlow,
  type Connection, type EdgeChange, type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { NodeType } from '../../engine/graph/types';
import { connectionProblem, useAnalysis } from '../state/analysis';
import { useCanvasStore, type Size } from '../state/canvasStore';
import { useGraphStore } from '../state/graphStore';
import { flowEdges, flowNodes, populationData, type PopulationNode, type ShapeEdge } from './flowModel';
import { addPrimitive, connect, openTemplate } from './graphCommands';
import { PopulationNodeView } from './PopulationNodeView';
import { ShapeEdgeView } from './ShapeEdgeView';
import { registerFitView } from './viewport';

export const DRAG_TYPE = 'application/x-spikelab-palette';
const nodeTypes = { population: PopulationNodeView };
const edgeTypes = { shape: ShapeEdgeView };

export function GraphCanvas() {
  const graph = useGraphStore((s) => s.graph);
  const positions = useGraphStore((s) => s.positions);
  const selection = useGraphStore((s) => s.selection);
  const revision = useGraphStore((s) => s.revision);
  const dragging = useCanvasStore((s) => s.dragging);
  const measured = useCanvasStore((s) => s.measured);
  const refusal = useCanvasStore((s) => s.refusal);
  const analysis = useAnalysis();
  const flow = useReactFlow<PopulationNode, ShapeEdge>();

  const data = useMemo(() => populationData(graph, analysis), [graph, analysis]);
  const nodes = useMemo(() => flowNodes(data, positions, dragging, measured, selection), [data, positions, dragging, measured, selection]);
  const edges = useMemo(() => flowEdges(graph, analysis, selection), [graph, analysis, selection]);

  useEffect(() => {
    if (revision === 0) return;
    const frame = requestAnimationFrame(() => void fitReadable(flow));
    return () => cancelAnimationFrame(frame);
  }, [revision, flow]);

  useEffect(() => {
    registerFitView(() => void flow.fitView({ padding: 0.15, duration: 200 }));
    return () => registerFitView(null);
  }, [flow]);

  const onNodesChange = useCallback((changes: NodeChange<PopulationNode>[]) => {
    const sizes: Record<string, Size> = {};
    const moves: Record<string, [number, number]> = {};
    const settled: Record<string, [number, number]> = {};
    for (const change of changes) {
      if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions;
      if (change.type === 'position' && change.position) {
        // A drag streams positions (one undo step at its end); a keyboard nudge is one step at once.
        (change.dragging ? moves : settled)[change.id] = [change.position.x, change.position.y];
      }
    }
    if (Object.keys(sizes).length > 0) useCanvasStore.getState().setMeasured(sizes);
    if (Object.keys(moves).length > 0) useCanvasStore.getState().drag(moves);
    if (Object.keys(settled).length > 0) {
      useCanvasStore.getState().endDrag();
      useGraphStore.getState().commitMoves(settled);
    }
    applySelection(changes, 'nodes');
  }, []);

  const onNodeDragStop = useCallback(() => {
    useGraphStore.getState().commitMoves(useCanvasStore.getState().endDrag());
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<ShapeEdge>[]) => applySelection(changes, 'edges'), []);

  const isValidConnection = useCallback((c: ShapeEdge | Connection) => {
    const reason = connectionProblem(useGraphStore.getState().graph, c.source, c.target);
    useCanvasStore.getState().setRefusal(reason);
    return reason === null;
  }, []);

  const onConnect = useCallback((c: Connection) => connect(c.source, c.target), []);
  const onConnectEnd = useCallback(() => useCanvasStore.getState().setRefusal(null), []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    const payload = event.dataTransfer.getData(DRAG_TYPE);
    if (!payload) return;
    event.preventDefault();
    event.stopPropagation();
    const [kind, value] = payload.split(':');
    if (kind === 'template') void openTemplate(value);
    else {
      const { x, y } = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addPrimitive(value as NodeType, [x, y]);
    }
  }, [flow]);

  return (
    <div className="canvas-flow" onDragOver={onDragOver} onDrop={onDrop} data-revision={revision}>
      <ReactFlow<PopulationNode, ShapeEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        isValidConnection={isValidConnection}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        deleteKeyCode={null}
        colorMode="system"
        minZoom={0.1}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable style={{ width: 140, height: 90 }} />
      </ReactFlow>
      {refusal && <div className="connection-refusal" role="alert">Cannot connect: {refusal}</div>}
      {Object.keys(graph.nodes).length === 0 && (
        <div className="canvas-empty">
          Drop a <b>.nir</b> file here, drag a primitive from the palette, or pick a template.
        </div>
      )}
    </div>
  );
}

/** React Flow reports selection as per-item changes; the store keeps the selected ids. */
function applySelection(changes: ReadonlyArray<NodeChange<PopulationNode> | EdgeChange<ShapeEdge>>, kind: 'nodes' | 'edges'): void {
  const picks = changes.filter((c): c is { type: 'select'; id: string; selected: boolean } => c.type === 'select');
  if (picks.length === 0) return;
  const current = useGraphStore.getState().selection;
  const chosen = new Set(current[kind]);
  for (const pick of picks) {
    if (pick.selected) chosen.add(pick.id);
    else chosen.delete(pick.id);
  }
  useGraphStore.getState().select({ ...current, [kind]: [...chosen] });
}

/** The smallest zoom at which node labels stay readable when a graph is first shown. */
const READABLE_ZOOM = 0.55;

/**
 * Fits a freshly opened graph; a long chain that would shrink below a readable size is shown at
 * READABLE_ZOOM from its input side instead (pan or Fit view to see the rest).
 */
async function fitReadable(flow: ReturnType<typeof useReactFlow<PopulationNode, ShapeEdge>>): Promise<void> {
  await flow.fitView({ padding: 0.15, duration: 0, minZoom: READABLE_ZOOM });
  const { x, y, zoom } = flow.getViewport();
  const nodes = flow.getNodes();
  if (nodes.length === 0) return;
  const left = flow.getNodesBounds(nodes).x * zoom + x;
  if (left < 0) await flow.setViewport({ x: x - left + 24, y, zoom });
}
