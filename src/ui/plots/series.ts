/**
 * Bounded series for live plots: metrics append without limit of time but never past MAX points
 * (halved by averaging neighbours, so the curve keeps its shape), and CSV for export.
 */
export const MAX_POINTS = 600;

export interface Point {
  step: number;
  [series: string]: number;
}

/** Appends, halving the resolution (mean of neighbour pairs) whenever the series exceeds max. */
export function appendBounded(points: readonly Point[], more: readonly Point[], max = MAX_POINTS): Point[] {
  let out = [...points, ...more];
  while (out.length > max) {
    const halved: Point[] = [];
    for (let i = 0; i + 1 < out.length; i += 2) {
      const a = out[i];
      const b = out[i + 1];
      const merged: Point = { step: b.step };
      for (const key of Object.keys(a)) if (key !== 'step') merged[key] = (a[key] + (b[key] ?? a[key])) / 2;
      halved.push(merged);
    }
    if (out.length % 2 === 1) halved.push(out[out.length - 1]);
    out = halved;
  }
  return out;
}

/** Rows of objects as CSV with a header; numbers as they are, missing values empty. */
export function toCsv(rows: ReadonlyArray<Record<string, number | string | undefined>>, columns?: string[]): string {
  const keys = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: number | string | undefined) => (v === undefined ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
  return [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n') + '\n';
}

/** At most `max` points for drawing: every k-th point, always keeping the last (the series itself stays whole for CSV). */
export function thinned<P>(points: readonly P[], max: number): readonly P[] {
  if (points.length <= max) return points;
  const stride = Math.ceil(points.length / max);
  const out: P[] = [];
  for (let i = (points.length - 1) % stride; i < points.length; i += stride) out.push(points[i]);
  return out;
}
