/** A small histogram of a tensor's values (SVG; a few dozen bars). */
import { useMemo } from 'react';
import { histogram } from './paramFields';

export function Histogram({ data, label }: { data: Float32Array; label: string }) {
  const { counts, min, max } = useMemo(() => histogram(data, 24), [data]);
  const peak = Math.max(1, ...counts);
  const width = 240;
  const height = 48;
  const bar = width / counts.length;
  return (
    <figure className="histogram">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} role="img" aria-label={`Histogram of ${label}: ${data.length} values from ${min.toPrecision(3)} to ${max.toPrecision(3)}`}>
        {counts.map((count, i) => (
          <rect key={i} x={i * bar + 0.5} width={bar - 1} y={height - (count / peak) * height} height={(count / peak) * height} />
        ))}
      </svg>
      <figcaption>
        <span>{min.toPrecision(3)}</span>
        <span>{max.toPrecision(3)}</span>
      </figcaption>
    </figure>
  );
}
