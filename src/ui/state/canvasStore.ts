/**
 * Transient canvas state that is not part of the document: node sizes measured by React Flow,
 * positions during a drag (committed to the graph store when it ends), the reason a
 * connection being dragged would be refused, and the canvas's own size on screen (what a new
 * graph's layout is folded to fit).
 */
import { create } from 'zustand';
import type { Positions } from '../../engine/graph/ops';

export interface Size {
  width: number;
  height: number;
}

interface CanvasState {
  measured: Record<string, Size>;
  dragging: Positions;
  refusal: string | null;
  /** The canvas's size in CSS pixels, once measured. */
  size: Size | null;
  setMeasured(sizes: Record<string, Size>): void;
  drag(moves: Positions): void;
  endDrag(): Positions;
  setRefusal(reason: string | null): void;
  setSize(size: Size): void;
}

export const useCanvasStore = create<CanvasState>((set, get) => ({
  measured: {},
  dragging: {},
  refusal: null,
  size: null,
  setMeasured: (sizes) => set({ measured: { ...get().measured, ...sizes } }),
  drag: (moves) => set({ dragging: { ...get().dragging, ...moves } }),
  endDrag: () => {
    const moves = get().dragging;
    set({ dragging: {} });
    return moves;
  },
  setRefusal: (refusal) => {
    if (get().refusal !== refusal) set({ refusal });
  },
  setSize: (size) => {
    const now = get().size;
    if (now?.width !== size.width || now?.height !== size.height) set({ size });
  },
}));
