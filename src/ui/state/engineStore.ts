/** Engine connection state: which backend runs, or why none does. */
import { create } from 'zustand';
import type { BackendInfo, ErrorInfo } from '../../workers/api';

export type EngineStatus =
  | { phase: 'starting' }
  | { phase: 'ready'; backend: BackendInfo }
  | { phase: 'failed'; error: ErrorInfo };

interface EngineState {
  status: EngineStatus;
  setStatus(status: EngineStatus): void;
}

export const useEngineStore = create<EngineState>((set) => ({
  status: { phase: 'starting' },
  setStatus: (status) => set({ status }),
}));
