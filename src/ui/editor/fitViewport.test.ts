import { describe, expect, it } from 'vitest';
import { FIT_PADDING, MAX_ZOOM, MIN_ZOOM, READABLE_ZOOM, fitViewport, fitZoom } from './fitViewport';

describe('fit viewport', () => {
  it('centres the graph at the zoom that fits it', () => {
    const canvas = { width: 800, height: 400 };
    const bounds = { x: 100, y: 50, width: 1488, height: 72 };
    const v = fitViewport(bounds, canvas);
    expect(v.zoom).toBeCloseTo((800 - 2 * FIT_PADDING) / 1488, 6);
    // The graph's centre lands on the canvas centre.
    expect((bounds.x + bounds.width / 2) * v.zoom + v.x).toBeCloseTo(400, 6);
    expect((bounds.y + bounds.height / 2) * v.zoom + v.y).toBeCloseTo(200, 6);
    // The whole graph is inside the canvas.
    expect(bounds.x * v.zoom + v.x).toBeGreaterThanOrEqual(0);
    expect((bounds.x + bounds.width) * v.zoom + v.x).toBeLessThanOrEqual(800);
  });

  it('keeps clear of a gutter on the left', () => {
    const bounds = { x: 0, y: 0, width: 1000, height: 100 };
    const v = fitViewport(bounds, { width: 600, height: 400 }, 20, 40);
    expect(v.x).toBeCloseTo(40 + 20, 6);
    expect((bounds.x + bounds.width) * v.zoom + v.x).toBeCloseTo(580, 6);
  });

  it('does not blow up a small graph nor vanish a huge one', () => {
    expect(fitViewport({ x: 0, y: 0, width: 170, height: 72 }, { width: 1200, height: 800 }).zoom).toBe(MAX_ZOOM);
    expect(fitViewport({ x: 0, y: 0, width: 1e6, height: 72 }, { width: 800, height: 400 }).zoom).toBe(MIN_ZOOM);
  });

  it('reads 12 px labels at 11 px from the readable zoom', () => {
    expect(12 * READABLE_ZOOM).toBeCloseTo(11, 9);
    expect(fitZoom({ width: 100, height: 100 }, { width: 256, height: 156 }, 28)).toBe(1);
  });
});
