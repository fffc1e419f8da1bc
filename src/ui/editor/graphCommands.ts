/**
 * Graph edits as commands the palette, the canvas, the inspector and the action registry share.
 * Each is one undo step.
 */
import { TEMPLATES } from '../../engine/graph/templates';
import type { NirGraph, NirNode, NodeType } from '../../engine/graph/types';
import { graphLabInfo, withGraphLabInfo } from '../../engine/graph/labMetadata';
import { addEdge, addPrimitiveNode, extractFragment, graphWithPositions, pasteFragment, removeItems, replaceNode, type Fragment, type Positions, type XY } from '../../engine/graph/ops';
import { useGraphStore } from '../state/graphStore';
import { useRunStore } from '../state/runStore';
import type { LayoutOptions } from '../../workers/api';
import { engine } from '../worker/engine';
import { runCommands } from '../run/runCommands';
import { useCanvasStore } from '../state/canvasStore';
import { useLiveStore } from '../state/liveStore';
import { useUiStore } from '../state/uiStore';
import { foldIntoRows } from './foldLayout';

let clipboard: Fragment | null = null;
let pasteCount = 0;

export function addPrimitive(type: NodeType, at: XY): string {
  let created = '';
  useGraphStore.getState().edit(({ graph, positions }) => {
    const added = addPrimitiveNode(graph, positions, type, at);
    created = added.name;
    return { graph: added.graph, positions: added.positions };
  });
  useGraphStore.getState().select({ nodes: [created], edges: [] });
  return created;
}

/** Boxes as the canvas draws them (PopulationNodeView, 184 px wide in app.css), for the worker's layered layout; the rank gap fits an edge's shape label. */
export const CANVAS_LAYOUT: LayoutOptions = { nodeSize: { width: 184, height: 72 }, rankSep: 84, nodeSep: 30 };

/** A plain row, for when the worker cannot lay out (it failed to start). */
function rowLayout(graph: NirGraph): Positions {
  return Object.fromEntries(Object.keys(graph.nodes).map((name, i): [string, XY] => [name, [i * 210, 0]]));
}

/** Until the canvas has been measured: about what it is at 1440 × 900. */
const CANVAS_GUESS = { width: 880, height: 500 };

/**
 * A fresh left-to-right layout folded into rows to suit the canvas (foldLayout.ts); a layout the
 * person arranged (saved positions) is never folded.
 */
export function foldedForCanvas(positions: Positions): Positions {
  const { width, height } = CANVAS_LAYOUT.nodeSize ?? { width: 184, height: 72 };
  return foldIntoRows(positions, { width, height }, useCanvasStore.getState().size ?? CANVAS_GUESS);
}

/** Whether any node of the graph has a position saved in its metadata. */
export function hasSavedPositions(graph: NirGraph): boolean {
  const saved = graphLabInfo(graph.metadata).positions;
  return Object.keys(graph.nodes).some((name) => saved[name]);
}

/** Positions for a graph: `preferred` (or those in its metadata) where given, the rest laid out by the worker. */
export async function positionsFor(graph: NirGraph, preferred?: Positions, ignoreSaved = false): Promise<Positions> {
  const stored = preferred ?? graphLabInfo(graph.metadata).positions;
  if (!ignoreSaved && Object.keys(graph.nodes).every((name) => stored[name])) return stored;
  const fresh = ignoreSaved || !Object.keys(graph.nodes).some((name) => stored[name]);
  const result = await engine().api.layout(graphWithPositions(graph, ignoreSaved ? {} : stored), { ...CANVAS_LAYOUT, ignoreSaved });
  if (!result.ok) return { ...rowLayout(graph), ...stored };
  return fresh ? foldedForCanvas(result.value.positions) : result.value.positions;
}

/**
 * Puts a whole new graph on the canvas (a file, a template, New): one undo step. What was shown
 * for the previous graph goes with it: its run (the worker session, the plots' record and
 * curves, the followed neurons) and its notes.
 */
export function openGraph(graph: NirGraph, title: string | null, positions: Positions): void {
  void runCommands.discard();
  const live = useLiveStore.getState();
  for (const followed of live.followed) live.unfollow(followed);
  useUiStore.getState().clearNotes();
  useGraphStore.getState().load(graph, positions, title);
}

/** New: an empty canvas (the current graph stays one Undo away). */
export function newGraph(): void {
  const { dt } = useRunStore.getState().settings;
  openGraph({ type: 'NIRGraph', nodes: {}, edges: [], metadata: withGraphLabInfo(undefined, { dt, timeUnit: 's', positions: {} }) }, null, {});
}

export async function openTemplate(id: string): Promise<void> {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) return;
  const graph = template.build();
  openGraph(graph, template.id, await positionsFor(graph));
  const { dt } = graphLabInfo(graph.metadata);
  if (dt) useRunStore.getState().update({ dt });
}

export function connect(source: string, target: string): void {
  useGraphStore.getState().edit((s) => ({ ...s, graph: addEdge(s.graph, source, target) }));
}

export function deleteSelection(): void {
  const { selection, edit, select } = useGraphStore.getState();
  if (selection.nodes.length === 0 && selection.edges.length === 0) return;
  edit((s) => ({ ...s, graph: removeItems(s.graph, selection.nodes, selection.edges) }));
  select({ nodes: [], edges: [] });
}

export function copySelection(): boolean {
  const { graph, positions, selection } = useGraphStore.getState();
  if (selection.nodes.length === 0) return false;
  clipboard = extractFragment(graph, positions, selection.nodes);
  pasteCount = 0;
  return true;
}

export function hasClipboard(): boolean {
  return clipboard !== null;
}

export function paste(): void {
  const fragment = clipboard;
  if (!fragment) return;
  pasteCount += 1;
  let names: string[] = [];
  useGraphStore.getState().edit(({ graph, positions }) => {
    const pasted = pasteFragment(graph, positions, fragment, [40 * pasteCount, 40 * pasteCount]);
    names = pasted.names;
    return { graph: pasted.graph, positions: pasted.positions };
  });
  useGraphStore.getState().select({ nodes: names, edges: [] });
}

export function updateNode(name: string, node: NirNode): void {
  useGraphStore.getState().edit((s) => ({ ...s, graph: replaceNode(s.graph, name, node) }));
}

export function selectAll(): void {
  const { graph, select } = useGraphStore.getState();
  select({ nodes: Object.keys(graph.nodes), edges: [] });
}

export async function relayout(): Promise<void> {
  const { graph } = useGraphStore.getState();
  const positions = await positionsFor(graph, {}, true);
  if (useGraphStore.getState().graph === graph) useGraphStore.getState().edit((s) => ({ ...s, positions }));
}
