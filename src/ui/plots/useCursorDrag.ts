/**
 * Dragging the time cursor on a plot: pressing on the plot's time axis moves the cursor there and
 * dragging carries it along (the pointer is captured, so it may leave the plot). A press that does
 * not move is also a click (`onClick`), so a raster can still follow the neuron under it.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useRef } from 'react';
import { useTimeCursor } from '../state/timeCursor';
import { stepAtX } from './cursorMath';

/** The time axis of a plot: where it starts and how wide it is (CSS px from the element's left edge). */
export interface TimeAxis {
  left: number;
  width: number;
  T: number;
  /** Step t is drawn at the middle of its cell (rasters, strips) rather than at t/(T − 1) (traces). */
  centred: boolean;
}

const CLICK_SLOP_PX = 4;

export function useCursorDrag<E extends HTMLElement>(axis: TimeAxis, onClick?: (event: ReactPointerEvent<E>) => void) {
  const press = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const moveTo = (event: ReactPointerEvent<E>) => {
    const box = event.currentTarget.getBoundingClientRect();
    useTimeCursor.getState().setStep(stepAtX(event.clientX - box.left - axis.left, axis.width, axis.T, axis.centred));
  };
  return {
    onPointerDown: (event: ReactPointerEvent<E>) => {
      if (event.button !== 0 || axis.T <= 0) return;
      event.currentTarget.setPointerCapture?.(event.pointerId);
      press.current = { x: event.clientX, y: event.clientY, moved: false };
      moveTo(event);
    },
    onPointerMove: (event: ReactPointerEvent<E>) => {
      const start = press.current;
      if (!start) return;
      if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > CLICK_SLOP_PX) start.moved = true;
      moveTo(event);
    },
    onPointerUp: (event: ReactPointerEvent<E>) => {
      const start = press.current;
      press.current = null;
      if (event.currentTarget.hasPointerCapture?.(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
      if (start && !start.moved) onClick?.(event);
    },
    onPointerCancel: () => {
      press.current = null;
    },
  };
}
