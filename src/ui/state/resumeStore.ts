/** The checkpoint of an interrupted run the page offers to resume (found at start-up), or null. */
import { create } from 'zustand';
import type { TrainingCheckpoint } from './trainingCheckpoint';

interface ResumeState {
  offer: TrainingCheckpoint | null;
  setOffer(offer: TrainingCheckpoint | null): void;
}

export const useResumeStore = create<ResumeState>((set) => ({
  offer: null,
  setOffer: (offer) => set({ offer }),
}));
