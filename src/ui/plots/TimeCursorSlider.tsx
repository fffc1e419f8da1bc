/**
 * The time cursor's own control: a slider (role=slider, aria-valuenow = the step) over the
 * sample's activity (spikes per step of the recorded layers, drawn as bars), dragged with the
 * mouse or moved with ←/→ (Shift: 10 steps), PageUp/PageDown (10) and Home/End when focused.
 */
import { useMemo, useRef, type KeyboardEvent } from 'react';
import type { SimulationRecord } from '../../engine/train/types';
import { useTimeCursor } from '../state/timeCursor';
import { formatStep } from './axes';
import { themeColor } from './PlotCard';
import { xOfStep } from './cursorMath';
import { prepareCanvas } from './plotCanvas';
import { spikesPerStep } from './stateAtStep';
import { useCursorDrag } from './useCursorDrag';
import { useElementWidth, usePaintOnFrame } from './usePlotPaint';

const HEIGHT = 22;
const PAD = 6;

function paintActivity(canvas: HTMLCanvasElement, counts: Uint32Array, width: number): void {
  const ctx = prepareCanvas(canvas, width, HEIGHT);
  if (!ctx) return;
  const inner = width - 2 * PAD;
  ctx.fillStyle = themeColor(canvas, '--border', '#d8dce3');
  ctx.fillRect(PAD, HEIGHT / 2 - 1, inner, 2);
  let max = 0;
  for (const c of counts) max = Math.max(max, c);
  if (max === 0) return;
  ctx.fillStyle = themeColor(canvas, '--muted', '#5c6675');
  ctx.globalAlpha = 0.55;
  const bar = Math.max(1, inner / counts.length - 1);
  counts.forEach((c, t) => {
    if (c === 0) return;
    const h = Math.max(2, (c / max) * (HEIGHT - 4));
    ctx.fillRect(PAD + xOfStep(t, inner, counts.length, true) - bar / 2, HEIGHT - 2 - h, bar, h);
  });
  ctx.globalAlpha = 1;
}

export function TimeCursorSlider({ record, dt }: { record: SimulationRecord | null; dt: number }) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const t = useTimeCursor((s) => s.t);
  const T = record?.T ?? 0;
  const width = Math.max(80, useElementWidth(frame));
  const counts = useMemo(() => (record ? spikesPerStep(record) : new Uint32Array(0)), [record]);
  const axis = { left: PAD, width: width - 2 * PAD, T, centred: true };
  const drag = useCursorDrag<HTMLDivElement>(axis);
  usePaintOnFrame(() => {
    if (canvas.current) paintActivity(canvas.current, counts, width);
  }, [counts, width]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cursor = useTimeCursor.getState();
    const moves: Record<string, () => void> = {
      ArrowLeft: () => cursor.stepBy(event.shiftKey ? -10 : -1), ArrowDown: () => cursor.stepBy(event.shiftKey ? -10 : -1),
      ArrowRight: () => cursor.stepBy(event.shiftKey ? 10 : 1), ArrowUp: () => cursor.stepBy(event.shiftKey ? 10 : 1),
      PageDown: () => cursor.stepBy(-10), PageUp: () => cursor.stepBy(10), Home: cursor.toStart, End: cursor.toEnd,
    };
    const move = moves[event.key];
    if (!move || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation(); // the window's shortcuts would step it a second time
    move();
  };

  const shown = T > 0 ? Math.min(t, T - 1) : 0;
  return (
    <div
      ref={frame}
      className="time-slider"
      role="slider"
      tabIndex={T > 0 ? 0 : -1}
      aria-label="Time cursor"
      aria-valuemin={0}
      aria-valuemax={Math.max(0, T - 1)}
      aria-valuenow={shown}
      aria-valuetext={T > 0 ? `${formatStep(shown, dt)} of ${T} steps` : 'no recorded sample'}
      aria-disabled={T === 0 || undefined}
      onKeyDown={onKeyDown}
      {...drag}
    >
      <canvas ref={canvas} style={{ width, height: HEIGHT, display: 'block' }} aria-hidden="true" />
      {T > 0 && <div className="time-slider-thumb" style={{ left: Math.round(PAD + xOfStep(shown, width - 2 * PAD, T, true)) }} />}
    </div>
  );
}
