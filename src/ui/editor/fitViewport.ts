/**
 * The viewport that shows a whole graph: centred, with a margin, at the largest zoom that fits,
 * never above MAX_ZOOM (a 3-node graph is not blown up) nor below MIN_ZOOM. Node labels are
 * 12 px, so they read at 11 px or more from READABLE_ZOOM up; foldLayout.ts arranges long chains
 * so that the fit reaches it where the canvas allows.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export const FIT_PADDING = 28;
/** Extra room on the left for the zoom buttons (React Flow's Controls, bottom left). */
export const CONTROLS_GUTTER = 36;
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 1.1;
export const LABEL_PX = 12;
export const READABLE_ZOOM = 11 / LABEL_PX;

/** The zoom at which `content` fills `canvas` less the padding on every side (unclamped). */
export function fitZoom(content: Size, canvas: Size, padding = FIT_PADDING): number {
  const width = Math.max(1, canvas.width - 2 * padding);
  const height = Math.max(1, canvas.height - 2 * padding);
  return Math.min(width / Math.max(1, content.width), height / Math.max(1, content.height));
}

/** Fits `bounds` into `canvas` less `padding` all round and `gutter` more on the left. */
export function fitViewport(bounds: Box, canvas: Size, padding = FIT_PADDING, gutter = 0): Viewport {
  const room = { width: canvas.width - gutter, height: canvas.height };
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, fitZoom(bounds, room, padding)));
  return {
    x: gutter + room.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: canvas.height / 2 - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  };
}
