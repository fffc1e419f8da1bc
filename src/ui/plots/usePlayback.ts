/**
 * Plays the recorded sample back: while the cursor plays, each animation frame moves it to where
 * the speed says it should be by now (steps are skipped when the speed is above the frame rate),
 * and the playback stops at the last step. A speed in real time needs the run's dt in seconds.
 */
import { useEffect } from 'react';
import { useTimeCursor } from '../state/timeCursor';
import { playbackStep, stepsPerSecond } from './cursorMath';

export function usePlayback(dt: number): void {
  const playing = useTimeCursor((s) => s.playing);
  const speed = useTimeCursor((s) => s.speed);
  const T = useTimeCursor((s) => s.T);
  useEffect(() => {
    if (!playing) return;
    const rate = stepsPerSecond(speed, dt);
    if (rate === null || T <= 0) {
      useTimeCursor.getState().pause();
      return;
    }
    const from = useTimeCursor.getState().t;
    const started = performance.now();
    let frame = 0;
    const tick = (now: number) => {
      const cursor = useTimeCursor.getState();
      if (!cursor.playing) return;
      const { t, done } = playbackStep(from, now - started, rate, cursor.T);
      if (t !== cursor.t) cursor.setStep(t, true);
      if (done) cursor.pause();
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, dt, T]);
}
