/**
 * The data ranges of a line chart: x over every series' points, y over their finite values (or a
 * fixed range, e.g. accuracy in [0, 1]), padded by 5% so a curve never runs along the frame.
 */
export interface CurvePoint {
  x: number;
  y: number;
}

export interface CurveSeries {
  name: string;
  color: string;
  points: readonly CurvePoint[];
  /** Mark each point (sparse series such as one value per epoch). */
  dots?: boolean;
}

export interface CurveDomain {
  x: [number, number];
  y: [number, number];
}

export function curveDomain(series: readonly CurveSeries[], fixedY?: [number, number]): CurveDomain | null {
  let xLo = Infinity;
  let xHi = -Infinity;
  let yLo = Infinity;
  let yHi = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      xLo = Math.min(xLo, p.x);
      xHi = Math.max(xHi, p.x);
      yLo = Math.min(yLo, p.y);
      yHi = Math.max(yHi, p.y);
    }
  }
  if (xLo > xHi) return null;
  if (xLo === xHi) [xLo, xHi] = [xLo - 1, xHi + 1];
  if (fixedY) return { x: [xLo, xHi], y: fixedY };
  if (yLo === yHi) [yLo, yHi] = [yLo - Math.max(1e-6, Math.abs(yLo) * 0.1), yHi + Math.max(1e-6, Math.abs(yHi) * 0.1)];
  const pad = (yHi - yLo) * 0.05;
  return { x: [xLo, xHi], y: [yLo - pad, yHi + pad] };
}
