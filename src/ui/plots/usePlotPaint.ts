/**
 * Hooks for canvas plots: the width a plot may use (its container's, followed by a
 * ResizeObserver), and painting at most once per animation frame however often React renders.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The content width of `ref`'s element, updated when it resizes (0 until measured). */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.clientWidth));
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Calls the latest `paint` in the next animation frame after any of `deps` changed; repeated changes within a frame paint once. */
export function usePaintOnFrame(paint: () => void, deps: readonly unknown[]): void {
  const latest = useRef(paint);
  useLayoutEffect(() => {
    latest.current = paint;
  });
  useEffect(() => {
    const frame = requestAnimationFrame(() => latest.current());
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the picture depends on
  }, deps);
}
