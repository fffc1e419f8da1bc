/**
 * Drawing a plot on a canvas: the canvas sized for the device's pixels, the plot rectangle inside
 * its margins, and labelled axes (ticks, tick labels, titles) in the theme's colours.
 */
import { themeColor } from './PlotCard';

export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The data rectangle of a plot, in CSS pixels from the canvas's top-left corner. */
export interface PlotRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function plotRect(width: number, height: number, margins: Margins): PlotRect {
  return {
    x: margins.left, y: margins.top,
    width: Math.max(1, width - margins.left - margins.right), height: Math.max(1, height - margins.top - margins.bottom),
  };
}

/** Sizes the canvas backing store for the device pixel ratio and clears it to the plot background. */
export function prepareCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const scale = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = themeColor(canvas, '--plot-bg', '#fff');
  ctx.fillRect(0, 0, width, height);
  return ctx;
}

export interface Tick {
  /** Position along the axis in CSS pixels (x for the bottom axis, y for the left one). */
  at: number;
  label: string;
}

export interface AxesSpec {
  x: Tick[];
  y: Tick[];
  xTitle?: string;
  yTitle?: string;
}

const FONT = '10px system-ui, sans-serif';

/** The frame, ticks and titles around `rect`: x along the bottom, y along the left. */
export function drawAxes(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, rect: PlotRect, axes: AxesSpec): void {
  const muted = themeColor(canvas, '--muted', '#5c6675');
  const border = themeColor(canvas, '--border', '#d8dce3');
  ctx.save();
  ctx.strokeStyle = border;
  ctx.lineWidth = 1;
  ctx.strokeRect(rect.x - 0.5, rect.y - 0.5, rect.width + 1, rect.height + 1);
  ctx.strokeStyle = muted;
  ctx.fillStyle = muted;
  ctx.font = FONT;
  ctx.beginPath();
  const bottom = rect.y + rect.height;
  for (const tick of axes.x) {
    ctx.moveTo(Math.round(tick.at) + 0.5, bottom);
    ctx.lineTo(Math.round(tick.at) + 0.5, bottom + 4);
  }
  for (const tick of axes.y) {
    ctx.moveTo(rect.x - 4, Math.round(tick.at) + 0.5);
    ctx.lineTo(rect.x, Math.round(tick.at) + 0.5);
  }
  ctx.stroke();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const tick of axes.x) ctx.fillText(tick.label, clamp(tick.at, rect.x + 6, rect.x + rect.width - 6), bottom + 5);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of axes.y) ctx.fillText(tick.label, rect.x - 6, clamp(tick.at, rect.y + 5, bottom - 5));
  if (axes.xTitle) {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(axes.xTitle, rect.x + rect.width / 2, bottom + 17, rect.width);
  }
  if (axes.yTitle) {
    ctx.translate(9, rect.y + rect.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(axes.yTitle, 0, 0, Math.max(rect.height, 30));
  }
  ctx.restore();
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}
