/** One layer's spike raster on a canvas: time on x, neuron on y; hover names the cell, click follows the neuron. */
import { useEffect, useRef, useState } from 'react';
import type { LayerRecord } from '../../engine/train/types';
import { useLiveStore } from '../state/liveStore';
import { themeColor } from './PlotCard';
import { cellAt, firingRate } from './rasterData';

const WIDTH = 284;

export function RasterCanvas({ layer, T }: { layer: LayerRecord; T: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  const follow = useLiveStore((s) => s.follow);
  const height = Math.max(40, Math.min(140, layer.size * 2));

  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx || !layer.spikes) return;
    const scale = window.devicePixelRatio || 1;
    element.width = WIDTH * scale;
    element.height = height * scale;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.fillStyle = themeColor(element, '--plot-bg', '#fff');
    ctx.fillRect(0, 0, WIDTH, height);
    ctx.fillStyle = themeColor(element, '--spike', '#1d2430');
    const cw = WIDTH / T;
    const ch = height / layer.size;
    const w = Math.max(1, cw);
    const h = Math.max(1, ch);
    for (let t = 0; t < T; t++) {
      const row = t * layer.size;
      for (let n = 0; n < layer.size; n++) if (layer.spikes[row + n]) ctx.fillRect(t * cw, n * ch, w, h);
    }
  }, [layer, T, height]);

  const at = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return cellAt(event.clientX - box.left, event.clientY - box.top, box.width, box.height, T, layer.size);
  };

  return (
    <figure className="raster">
      <figcaption>
        <b>{layer.name}</b> ({layer.type}, {layer.size} neurons) · rate {firingRate(layer, T).toFixed(3)}
        <span className="raster-hover">{hover ?? 'click a neuron to follow it'}</span>
      </figcaption>
      <canvas
        ref={canvas}
        style={{ width: WIDTH, height }}
        data-layer={layer.name}
        role="img"
        aria-label={`Spike raster of ${layer.name}: ${layer.size} neurons over ${T} steps`}
        onMouseMove={(e) => {
          const { t, neuron } = at(e);
          setHover(`${layer.name}[${neuron}] at t=${t}${layer.spikes?.[t * layer.size + neuron] ? ' · spike' : ''}`);
        }}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => follow({ layer: layer.name, neuron: at(e).neuron })}
      />
    </figure>
  );
}
