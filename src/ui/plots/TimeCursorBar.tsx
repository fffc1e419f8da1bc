/**
 * The time cursor's bar above the plots: play / pause, the playback speed, the slider over the
 * sample's activity, the step and its time, and what is being recorded (ProbeSummary). The
 * cursor's length follows the shown sample.
 */
import { useEffect } from 'react';
import { useRunStore } from '../state/runStore';
import { useTimeCursor } from '../state/timeCursor';
import { formatSeconds } from './axes';
import { ProbeSummary } from './ProbeSummary';
import { SpeedPicker } from './SpeedPicker';
import { TimeCursorSlider } from './TimeCursorSlider';
import { usePlayback } from './usePlayback';
import { useShownRecord } from './useShownRecord';
import './timeCursor.css';

export function TimeCursorBar() {
  const record = useShownRecord();
  const dt = useRunStore((s) => s.settings.dt);
  const T = record?.T ?? 0;
  const t = useTimeCursor((s) => s.t);
  const playing = useTimeCursor((s) => s.playing);
  const togglePlay = useTimeCursor((s) => s.togglePlay);
  useEffect(() => useTimeCursor.getState().setLength(T), [T]);
  usePlayback(dt);
  const shown = T > 0 ? Math.min(t, T - 1) : 0;
  return (
    <section className="time-cursor-bar" aria-label="Time cursor and probes">
      <div className="time-cursor-row">
        <button type="button" className="small play" disabled={T === 0} onClick={togglePlay}
          aria-label={playing ? 'Pause playback' : 'Play back the sample'} title={playing ? 'Pause (P)' : 'Play the recorded sample from the cursor (P)'}>
          {playing ? '❚❚' : '▶'}
        </button>
        <SpeedPicker dt={dt} T={T} />
        <TimeCursorSlider record={record} dt={dt} />
        <span className="time-readout" data-testid="cursor-readout">
          {T > 0 ? <>t <b>{shown}</b> / {T - 1}{dt > 0 && <span className="muted"> · {shown === 0 ? formatSeconds(dt).replace(/^[\d.]+/, '0') : formatSeconds(shown * dt)}</span>}</> : <span className="muted">no sample</span>}
        </span>
      </div>
      <ProbeSummary />
    </section>
  );
}
