/**
 * The time cursor drawn over a plot: a vertical line at step t across the plot's data rectangle,
 * an element of its own over the canvas (moving it repaints nothing underneath). `data-step` says
 * where it is.
 */
import { useTimeCursor } from '../state/timeCursor';
import { xOfStep } from './cursorMath';
import type { TimeAxis } from './useCursorDrag';

export function CursorLine({ axis, top, height }: { axis: TimeAxis; top: number; height: number }) {
  const t = useTimeCursor((s) => s.t);
  if (axis.T <= 0) return null;
  const x = axis.left + xOfStep(Math.min(t, axis.T - 1), axis.width, axis.T, axis.centred);
  return <div className="time-cursor-line" data-step={Math.min(t, axis.T - 1)} aria-hidden="true" style={{ left: Math.round(x), top, height }} />;
}
