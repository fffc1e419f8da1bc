import { describe, expect, it } from 'vitest';
import { appendBounded, thinned, toCsv } from './series';

describe('plot series', () => {
  it('stays within the bound, keeping the last step and the mean level', () => {
    let points: { step: number; loss: number }[] = [];
    for (let i = 1; i <= 100; i++) points = appendBounded(points, [{ step: i, loss: 2 }], 16) as typeof points;
    expect(points.length).toBeLessThanOrEqual(16);
    expect(points[points.length - 1].step).toBe(100);
    expect(points.every((p) => p.loss === 2)).toBe(true);
  });

  it('writes CSV with a header and quoted strings', () => {
    expect(toCsv([{ step: 1, loss: 0.5 }, { step: 2, name: 'a"b' }])).toBe('step,loss,name\n1,0.5,\n2,,"a""b"\n');
  });

  it('thins a series for drawing, keeping its last point', () => {
    const points = Array.from({ length: 1000 }, (_, i) => i);
    const few = thinned(points, 200);
    expect(few.length).toBeLessThanOrEqual(200);
    expect(few[few.length - 1]).toBe(999);
    expect(thinned(points.slice(0, 5), 200)).toHaveLength(5);
  });
});
