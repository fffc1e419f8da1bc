import { describe, expect, it } from 'vitest';
import { CHROME_HEIGHT, LIMITS, SPLITTER, defaultPanels, fitPanels, parsePanels } from './panelLayout';

const canvasWidth = (s: { palette: number; side: number }, width: number) => width - s.palette - s.side - 2 * SPLITTER;
const canvasHeight = (s: { plots: number }, height: number) => height - CHROME_HEIGHT - SPLITTER - s.plots;

describe('panel layout', () => {
  it('gives the canvas most of a small window and grows the panels on a large one', () => {
    const small = defaultPanels(1024, 700);
    const large = defaultPanels(1920, 1080);
    expect(canvasWidth(small, 1024)).toBeGreaterThanOrEqual(540);
    expect(canvasHeight(small, 700)).toBeGreaterThanOrEqual(370);
    expect(large.side).toBeGreaterThan(small.side);
    expect(large.plots).toBeGreaterThan(small.plots);
  });

  it('keeps a dragged size within its limits and the canvas within the window', () => {
    const sizes = fitPanels({ side: 2000, palette: 5 }, 1024, 700);
    expect(sizes.palette).toBe(LIMITS.palette.min);
    expect(canvasWidth(sizes, 1024)).toBeGreaterThanOrEqual(LIMITS.canvasWidth);
    const tall = fitPanels({ plots: 5000, run: 5000 }, 1440, 900);
    expect(canvasHeight(tall, 900)).toBe(LIMITS.canvasHeight);
    expect(900 - CHROME_HEIGHT - SPLITTER - tall.run).toBe(LIMITS.inspectorHeight);
  });

  it('takes room for the canvas from the side column before the palette', () => {
    const sizes = fitPanels({ palette: 300, side: 600 }, 1100, 800);
    expect(canvasWidth(sizes, 1100)).toBe(LIMITS.canvasWidth);
    expect(sizes.palette).toBe(300);
    expect(sizes.side).toBe(1100 - 300 - 2 * SPLITTER - LIMITS.canvasWidth);
  });

  it('reads stored sizes, ignoring anything else', () => {
    expect(parsePanels('{"palette":200,"side":"wide","plots":null,"x":3}')).toEqual({ palette: 200 });
    expect(parsePanels('not json')).toEqual({});
    expect(parsePanels(null)).toEqual({});
  });
});
