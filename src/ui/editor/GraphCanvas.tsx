/**
 * The canvas (React Flow): populations and edges from the graph store; drags commit once at the
 * end; connections are checked while dragging and refused with the reason; palette items drop
 * where the pointer is. Every newly opened graph is fitted whole once its nodes are measured
 * (fitViewport.ts), and fitted again when the canvas resizes until the person pans or zooms.
 */
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
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
import { CONTROLS_GUTTER, FIT_PADDING, fitViewport } from './fitViewport';
import { registerFitView } from './viewport';

export const DRAG_TYPE = 'application/x-spikelab-palette';
const nodeTypes = { population: PopulationNodeView };
const edgeTypes = { shape: ShapeEdgeView };
/** Below this canvas width the minimap would cover too much of the graph. */
const MINIMAP_MIN_WIDTH = 640;
/** Frames to wait for React Flow to measure a new graph's nodes before fitting anyway. */
const MEASURE_FRAMES = 30;

export function GraphCanvas() {
  const graph = useGraphStore((s) => s.graph);
  const positions = useGraphStore((s) => s.positions);
  const selection = useGraphStore((s) => s.selection);
  const revision = useGraphStore((s) => s.revision);
  const dragging = useCanvasStore((s) => s.dragging);
  const measured = useCanvasStore((s) => s.measured);
  const refusal = useCanvasStore((s) => s.refusal);
  const size = useCanvasStore((s) => s.size);
  const analysis = useAnalysis();
  const flow = useReactFlow<PopulationNode, ShapeEdge>();
  const box = useRef<HTMLDivElement>(null);
  /** Refit on resize while true: after a fit, until the person moves the view. */
  const autoFit = useRef(true);

  const data = useMemo(() => populationData(graph, analysis), [graph, analysis]);
  const nodes = useMemo(() => flowNodes(data, positions, dragging, measured, selection), [data, positions, dragging, measured, selection]);
  const edges = useMemo(() => flowEdges(graph, analysis, selection), [graph, analysis, selection]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0) useCanvasStore.getState().setSize({ width: Math.round(width), height: Math.round(height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (revision === 0) return;
    autoFit.current = true;
    return whenMeasured(flow, () => fitWhole(flow, box.current));
  }, [revision, flow]);

  useEffect(() => {
    if (!size || !autoFit.current) return;
    const frame = requestAnimationFrame(() => fitWhole(flow, box.current));
    return () => cancelAnimationFrame(frame);
  }, [size, flow]);

  useEffect(() => {
    registerFitView(() => {
      autoFit.current = true;
      fitWhole(flow, box.current, 200);
    });
    return () => registerFitView(null);
  }, [flow]);

  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) autoFit.current = false; // the person moved the view: leave it where they put it
  }, []);

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
    <div className="canvas-flow" ref={box} onDragOver={onDragOver} onDrop={onDrop} data-revision={revision}>
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
        onMoveStart={onMoveStart}
        deleteKeyCode={null}
        colorMode="system"
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
        {(size?.width ?? 0) >= MINIMAP_MIN_WIDTH && <MiniMap pannable zoomable style={{ width: 140, height: 90 }} />}
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

type Flow = ReturnType<typeof useReactFlow<PopulationNode, ShapeEdge>>;

/** Runs `then` once every node of the graph on the canvas has been measured (or after MEASURE_FRAMES frames); returns a cancel. */
function whenMeasured(flow: Flow, then: () => void): () => void {
  let frames = 0;
  let frame = requestAnimationFrame(function check() {
    const expected = Object.keys(useGraphStore.getState().graph.nodes);
    const nodes = flow.getNodes();
    const ready = nodes.length === expected.length && nodes.every((n) => n.measured?.width && n.measured.height);
    if (ready || ++frames >= MEASURE_FRAMES) then();
    else frame = requestAnimationFrame(check);
  });
  return () => cancelAnimationFrame(frame);
}

/** Shows the whole graph, centred, at the largest zoom that fits (capped; fitViewport.ts). */
function fitWhole(flow: Flow, element: HTMLElement | null, duration = 0): void {
  const nodes = flow.getNodes();
  if (!element || nodes.length === 0) return;
  const canvas = { width: element.clientWidth, height: element.clientHeight };
  if (canvas.width === 0 || canvas.height === 0) return;
  void flow.setViewport(fitViewport(flow.getNodesBounds(nodes), canvas, FIT_PADDING, CONTROLS_GUTTER), { duration });
}
