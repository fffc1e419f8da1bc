/** The sample fed to the network: frames over time for image-like inputs, channels × time otherwise. */
import { useEffect, useMemo, useRef } from 'react';
import { useDatasetStore } from '../state/datasetStore';
import { useRunStore } from '../state/runStore';
import { channelsOverTime, framesOverTime, type Picture } from './inputFrames';
import { PlotCard } from './PlotCard';
import { toCsv } from './series';
import { useShownRecord } from './useShownRecord';

/** A picture at `size` px wide; frames keep their aspect, a channels × time strip fills the plot. */
function PictureCanvas({ picture, size, stretch = false }: { picture: Picture; size: number; stretch?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!canvas.current || !ctx) return;
    canvas.current.width = picture.width;
    canvas.current.height = picture.height;
    const image = ctx.createImageData(picture.width, picture.height);
    for (let p = 0; p < picture.width * picture.height; p++) {
      for (let c = 0; c < 3; c++) image.data[p * 4 + c] = Math.round(picture.rgb[p * 3 + c] * 255);
      image.data[p * 4 + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [picture]);
  const aspect = picture.height / picture.width;
  const width = stretch || aspect <= 1 ? size : size / aspect;
  const height = stretch ? 120 : width * aspect;
  return (
    <figure className="input-frame">
      <canvas ref={canvas} style={{ width, height, imageRendering: 'pixelated' }} role="img" aria-label={`Input ${picture.caption}`} />
      <figcaption>{picture.caption}</figcaption>
    </figure>
  );
}

export function InputView() {
  const record = useShownRecord();
  const datasetId = useRunStore((s) => s.settings.dataset);
  const sets = useDatasetStore((s) => s.sets);
  const datasetShape = sets.find((set) => set.id === datasetId)?.featureShape;
  const pictures = useMemo(() => {
    if (!record) return [];
    const F = record.inputShape.reduce((a, b) => a * b, 1);
    // A flat Input fed with images (digits into [64]) is shown in the dataset's own shape.
    const sameSize = datasetShape && datasetShape.reduce((a, b) => a * b, 1) === F;
    const shape = sameSize && datasetShape.length >= 2 ? datasetShape : record.inputShape;
    return shape.length >= 2 ? framesOverTime(record.input, record.T, shape, 8) : [channelsOverTime(record.input, record.T, F)];
  }, [record, datasetShape]);
  const csv = record ? () => {
    const F = record.inputShape.reduce((a, b) => a * b, 1);
    const rows = [];
    for (let t = 0; t < record.T; t++) for (let f = 0; f < F; f++) if (record.input[t * F + f]) rows.push({ t, feature: f, value: record.input[t * F + f] });
    return toCsv(rows, ['t', 'feature', 'value']);
  } : null;
  return (
    <PlotCard label="Input" file="input" csv={csv}>
      {!record && <p className="plot-empty">The sample fed to the network appears here.</p>}
      <div className="input-frames">
        {pictures.map((p, i) => <PictureCanvas key={i} picture={p} size={pictures.length > 1 ? 64 : 284} stretch={pictures.length === 1} />)}
      </div>
    </PlotCard>
  );
}
