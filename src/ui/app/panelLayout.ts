/**
 * Panel sizes of the lab's grid (palette width, side column width, plots height, run panel
 * height), in CSS pixels: defaults that suit the window, and the person's own sizes (dragged at
 * the splitters) clamped so the canvas, the inspector and the run controls always keep room.
 */
export type PanelKey = 'palette' | 'side' | 'plots' | 'run';
export type PanelSizes = Record<PanelKey, number>;

/** Toolbar and status bar together, and one splitter's thickness. */
export const CHROME_HEIGHT = 64;
export const SPLITTER = 6;

export const LIMITS = {
  palette: { min: 140, max: 340 },
  side: { min: 300, max: 620 },
  plots: { min: 140 },
  run: { min: 190 },
  canvasWidth: 360,
  canvasHeight: 220,
  inspectorHeight: 110,
} as const;

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/** Sizes that suit a window of `width` × `height` before the person drags anything. */
export function defaultPanels(width: number, height: number): PanelSizes {
  const main = height - CHROME_HEIGHT;
  return {
    palette: Math.round(clamp(width * 0.15, 150, 220)),
    side: Math.round(clamp(width * 0.23, 300, 380)),
    plots: Math.round(clamp(height * 0.36, 180, 420)),
    run: Math.round(clamp(main * 0.58, 240, 470)),
  };
}

/** The sizes to use: the person's where given, else the defaults; then clamped to the window. */
export function fitPanels(wanted: Partial<PanelSizes>, width: number, height: number): PanelSizes {
  const sizes = { ...defaultPanels(width, height), ...wanted };
  const main = height - CHROME_HEIGHT;
  let palette = clamp(sizes.palette, LIMITS.palette.min, LIMITS.palette.max);
  let side = clamp(sizes.side, LIMITS.side.min, LIMITS.side.max);
  // The canvas keeps its minimum width: take it from the side column first, then the palette.
  let excess = palette + side + 2 * SPLITTER + LIMITS.canvasWidth - width;
  if (excess > 0) {
    const fromSide = Math.min(excess, side - LIMITS.side.min);
    side -= fromSide;
    excess -= fromSide;
    palette -= Math.min(excess, palette - LIMITS.palette.min);
  }
  const plots = clamp(sizes.plots, LIMITS.plots.min, main - SPLITTER - LIMITS.canvasHeight);
  const run = clamp(sizes.run, LIMITS.run.min, main - SPLITTER - LIMITS.inspectorHeight);
  return { palette: Math.round(palette), side: Math.round(side), plots: Math.round(plots), run: Math.round(run) };
}

/** Stored sizes from localStorage text: only finite numbers under known keys. */
export function parsePanels(text: string | null): Partial<PanelSizes> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return {};
    const out: Partial<PanelSizes> = {};
    for (const key of ['palette', 'side', 'plots', 'run'] as const) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'number' && Number.isFinite(v)) out[key] = v;
    }
    return out;
  } catch {
    return {};
  }
}
