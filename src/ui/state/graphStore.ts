/**
 * The graph being edited: the NIR graph, node positions, selection, and the undo history of
 * both. State and undo only: the edits themselves are the pure graph ops of
 * ../../engine/graph/ops.ts, which callers (../editor/graphCommands.ts) apply through `edit`, one
 * undo step each; a drag records one step at its end (`commitMoves`). Components subscribe with
 * narrow selectors.
 */
import { create } from 'zustand';
import { movedPositions, type Positions } from '../../engine/graph/ops';
import type { NirGraph } from '../../engine/graph/types';
import { emptyHistory, record, redo, undo, type History } from './history';

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
  commitMoves: (moves) => get().edit((s) => ({ ...s, positions: movedPositions(s.positions, moves) })),
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
