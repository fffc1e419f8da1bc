/**
 * The graph being edited: the NIR graph, node positions, selection, and the undo history of
 * both. Every structural edit goes through `edit`, which records one undo step; a drag records
 * one step at its end (`endDrag`). Components subscribe with narrow selectors.
 */
import { create } from 'zustand';
import { graphLabInfo, withGraphLabInfo } from '../../engine/graph/labMetadata';
import type { NirGraph } from '../../engine/graph/types';
import { emptyHistory, record, redo, undo, type History } from './history';
import type { Positions } from './graphEdits';

export interface Snapshot {
  graph: NirGraph;
  positions: Positions;
}

export interface Selection {
  nodes: string[];
  edges: string[];
}

interface GraphState extends Snapshot {
  history: History<Snapshot>;
  selection: Selection;
  /** Where the graph came from (file name or template), for the window title and Save. */
  title: string | null;
  /** Bumped on every load, so views can fit the new graph. */
  revision: number;
  /** Applies one undoable edit. */
  edit(change: (current: Snapshot) => Snapshot): void;
  /** Replaces the whole graph (a file or template): one undoable step. */
  load(graph: NirGraph, positions: Positions, title?: string | null): void;
  /** Starts a session on a graph (restored workspace, first template): no undo step. */
  initialise(graph: NirGraph, positions: Positions, title: string | null): void;
  select(selection: Selection): void;
  /** Commits the end positions of a drag: one undo step however long the drag was. */
  commitMoves(moves: Positions): void;
  undo(): void;
  redo(): void;
}

export const EMPTY_GRAPH: NirGraph = { type: 'NIRGraph', nodes: {}, edges: [] };

export const useGraphStore = create<GraphState>((set, get) => ({
  graph: EMPTY_GRAPH,
  positions: {},
  history: emptyHistory(),
  selection: { nodes: [], edges: [] },
  revision: 0,
  title: null,
  edit: (change) => {
    const { graph, positions, history } = get();
    const next = change({ graph, positions });
    if (next.graph === graph && next.positions === positions) return;
    set({ ...next, history: record(history, { graph, positions }) });
  },
  load: (graph, positions, title = null) => {
    const { history, revision } = get();
    const before = { graph: get().graph, positions: get().positions };
    set({ graph, positions, title, history: record(history, before), selection: { nodes: [], edges: [] }, revision: revision + 1 });
  },
  initialise: (graph, positions, title) => set({ graph, positions, title, history: emptyHistory(), selection: { nodes: [], edges: [] }, revision: get().revision + 1 }),
  select: (selection) => set({ selection }),
  commitMoves: (moves) => {
    const { positions } = get();
    const moved = Object.entries(moves).filter(([name, [x, y]]) => positions[name]?.[0] !== x || positions[name]?.[1] !== y);
    if (moved.length > 0) get().edit((s) => ({ ...s, positions: { ...s.positions, ...Object.fromEntries(moved) } }));
  },
  undo: () => {
    const { history, graph, positions } = get();
    const step = undo(history, { graph, positions });
    if (step) set({ ...step.state, history: step.history, selection: keepSelection(get().selection, step.state.graph) });
  },
  redo: () => {
    const { history, graph, positions } = get();
    const step = redo(history, { graph, positions });
    if (step) set({ ...step.state, history: step.history, selection: keepSelection(get().selection, step.state.graph) });
  },
}));

function keepSelection(selection: Selection, graph: NirGraph): Selection {
  return { nodes: selection.nodes.filter((n) => n in graph.nodes), edges: [] };
}

/** The graph with the current positions written into its lab metadata (what is saved). */
export function graphWithPositions(graph: NirGraph, positions: Positions): NirGraph {
  const info = graphLabInfo(graph.metadata);
  const kept = Object.fromEntries(Object.entries(positions).filter(([name]) => name in graph.nodes));
  return { ...graph, metadata: withGraphLabInfo(graph.metadata, { ...info, positions: kept }) };
}
