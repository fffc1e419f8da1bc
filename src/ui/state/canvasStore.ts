/**
 * Transient canvas state that is not part of the document: node sizes measured by React Flow,
 * positions during a drag (committed to the graph store when it ends), and the reason a
 * connection being dragged would be refused.
 */
import { create } from 'zustand';
import type { Positions } from './graphEdits';

export interface Size {
  width: number;
  height: number;
}

interface CanvasState {
  measured: Record<string, Size>;
  dragging: Positions;
  refusal: string | null;
  setMeasured(sizes: Record<string, Size>): void;
  drag(moves: Positions): void;
  endDrag(): Positions;
  setRefusal(reason: string | null): void;
}

export const useCanvasStore = create<CanvasState>((set, get) => ({
  measured: {},
  dragging: {},
  refusal: null,
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
}));
