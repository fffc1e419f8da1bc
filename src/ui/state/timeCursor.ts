/**
 * The one time cursor of the lab: the step t of the recorded sample that the raster, the membrane
 * traces, the input view and the canvas nodes show, and its playback. T follows the shown sample
 * (`setLength`); every move is clamped to it (../plots/cursorMath.ts). Moving the cursor by hand
 * stops a playback; playing from the last step starts again from 0.
 */
import { create } from 'zustand';
import { clampStep, type PlaybackSpeed } from '../plots/cursorMath';

interface TimeCursorState {
  t: number;
  /** Steps of the shown sample (0: none shown). */
  T: number;
  playing: boolean;
  speed: PlaybackSpeed;
  setLength(T: number): void;
  /** Moves the cursor to step t (clamped); stops a playback unless `keepPlaying`. */
  setStep(t: number, keepPlaying?: boolean): void;
  stepBy(delta: number): void;
  toStart(): void;
  toEnd(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: PlaybackSpeed): void;
}

export const useTimeCursor = create<TimeCursorState>((set, get) => ({
  t: 0,
  T: 0,
  playing: false,
  speed: { kind: 'steps', perSecond: 10 },
  setLength: (T) => set({ T, t: clampStep(get().t, T), playing: T > 0 && get().playing }),
  setStep: (t, keepPlaying = false) => set({ t: clampStep(t, get().T), playing: keepPlaying && get().playing }),
  stepBy: (delta) => get().setStep(get().t + delta),
  toStart: () => get().setStep(0),
  toEnd: () => get().setStep(get().T - 1),
  play: () => {
    const { T, t } = get();
    if (T <= 0) return;
    set({ playing: true, t: t >= T - 1 ? 0 : t });
  },
  pause: () => set({ playing: false }),
  togglePlay: () => (get().playing ? get().pause() : get().play()),
  setSpeed: (speed) => set({ speed }),
}));

/**
 * Whether the cursor's keys may act: there is a sample to move over, and the focus is not on a
 * canvas node (whose arrow keys nudge it; the shortcuts already skip text fields).
 */
export function cursorKeysFree(): boolean {
  if (useTimeCursor.getState().T <= 0) return false;
  const focused = typeof document === 'undefined' ? null : document.activeElement;
  return !focused?.closest?.('.react-flow__node, .react-flow__edge');
}
