/** The playback speed: 0.25×, 1× or 4× real time (from the run's dt), or a number of steps per second. */
import { useTimeCursor } from '../state/timeCursor';
import { formatSeconds } from './axes';
import { REALTIME_FACTORS, type PlaybackSpeed } from './cursorMath';

const valueOf = (speed: PlaybackSpeed) => (speed.kind === 'realtime' ? `rt:${speed.factor}` : 'steps');

export function SpeedPicker({ dt, T }: { dt: number; T: number }) {
  const speed = useTimeCursor((s) => s.speed);
  const setSpeed = useTimeCursor((s) => s.setSpeed);
  const realtime = dt > 0;
  return (
    <span className="speed-picker">
      <select aria-label="Playback speed" value={valueOf(speed)} title={realtime ? `1 step = ${formatSeconds(dt)}` : 'The run has no dt in seconds: real time is unknown'}
        onChange={(e) => {
          const v = e.target.value;
          setSpeed(v === 'steps' ? { kind: 'steps', perSecond: speed.kind === 'steps' ? speed.perSecond : 10 } : { kind: 'realtime', factor: Number(v.slice(3)) });
        }}>
        {REALTIME_FACTORS.map((f) => (
          <option key={f} value={`rt:${f}`} disabled={!realtime}>
            {f}× real time{realtime && T > 0 ? ` (${formatSeconds((T * dt) / f)})` : ''}
          </option>
        ))}
        <option value="steps">steps / s</option>
      </select>
      {speed.kind === 'steps' && (
        <input type="number" aria-label="Steps per second" min={0.5} max={1000} step="any" value={speed.perSecond}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (v > 0 && v <= 1000) setSpeed({ kind: 'steps', perSecond: v });
          }} />
      )}
    </span>
  );
}
