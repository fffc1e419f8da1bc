/**
 * A drag handle between two panels. Dragging (or the arrow keys, 16 px a press) changes the size
 * of the panel it belongs to; a double click gives that size back to the window's default.
 * `grows` says which way the panel grows: a left/top panel grows with the pointer ('forward'),
 * a right/bottom panel against it ('backward').
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  label: string;
  /** 'vertical': a bar between columns (drag sideways); 'horizontal': between rows. */
  orientation: 'vertical' | 'horizontal';
  grows: 'forward' | 'backward';
  size: number;
  onResize(size: number): void;
  onReset(): void;
  className?: string;
}

const KEY_STEP = 16;

export function Splitter({ label, orientation, grows, size, onResize, onReset, className = '' }: Props) {
  const start = useRef<{ at: number; size: number } | null>(null);
  const sign = grows === 'forward' ? 1 : -1;
  const coordinate = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { at: coordinate(e), size };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (start.current) onResize(start.current.size + sign * (coordinate(e) - start.current.at));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    start.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const [less, more] = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    if (e.key !== less && e.key !== more) return;
    e.preventDefault();
    e.stopPropagation();
    onResize(size + sign * (e.key === more ? KEY_STEP : -KEY_STEP));
  };

  return (
    <div
      className={`splitter splitter-${orientation} ${className}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={Math.round(size)}
      tabIndex={0}
      title={`${label}: drag to resize, double-click for the default size`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={onReset}
    />
  );
}
