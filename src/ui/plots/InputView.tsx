/**
 * The sample fed to the network: frames over time for image-like inputs (with the input of the
 * cursor's step alone beside them, and the frame holding it outlined), channels × time otherwise
 * (with the time cursor as a line across it). Pressing or dragging across either moves the cursor.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useDatasetStore } from '../state/datasetStore';
import { useRunStore } from '../state/runStore';
import { useTimeCursor } from '../state/timeCursor';
import { CursorLine } from './CursorLine';
import { channelsOverTime, frameAtStep, frameOfStep, framesOverTime, type Picture } from './inputFrames';
import { PlotCard } from './PlotCard';
import { toCsv } from './series';
import { useCursorDrag, type TimeAxis } from './useCursorDrag';
import { useElementWidth } from './usePlotPaint';
import { useShownRecord } from './useShownRecord';

const FRAMES = 8;
const STRIP_HEIGHT = 120;
const FRAME_GAP = 4;

function PictureCanvas({ picture, width, height, current = false }: { picture: Picture; width: number; height: number; current?: boolean }) {
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
  return <canvas ref={canvas} className={current ? 'at-cursor' : undefined} style={{ width, height, imageRendering: 'pixelated', display: 'block' }} role="img" aria-label={`Input ${picture.caption}`} />;
}

/** A picture at `size` px wide that keeps its aspect. */
function Frame({ picture, size, current = false }: { picture: Picture; size: number; current?: boolean }) {
  const aspect = picture.height / picture.width;
  const width = aspect <= 1 ? size : size / aspect;
  return (
    <figure className="input-frame" data-current={current || undefined}>
      <PictureCanvas picture={picture} width={width} height={width * aspect} current={current} />
      <figcaption>{size < 48 ? picture.caption.replace(/^t /, '') : picture.caption}</figcaption>
    </figure>
  );
}

/** Image-like input: FRAMES time slices (the one holding the cursor outlined) and the cursor's step alone. */
function FramesView({ input, T, shape }: { input: Float32Array; T: number; shape: number[] }) {
  const frames = useMemo(() => framesOverTime(input, T, shape, FRAMES), [input, T, shape]);
  const t = Math.min(useTimeCursor((s) => s.t), T - 1);
  const now = useMemo(() => frameAtStep(input, T, shape, t), [input, T, shape, t]);
  const row = useRef<HTMLDivElement>(null);
  const width = useElementWidth(row);
  const drag = useCursorDrag<HTMLDivElement>({ left: 0, width, T, centred: true });
  const current = frameOfStep(t, T, FRAMES);
  // One line of frames across the row's width, so a point of the row is a time.
  const size = Math.max(16, Math.min(64, Math.floor((width - (frames.length - 1) * FRAME_GAP) / Math.max(1, frames.length))));
  return (
    <div className="input-frames-view">
      <Frame picture={now} size={88} current />
      <div className="input-frames" ref={row} {...drag} style={{ gap: FRAME_GAP }} title="Press or drag across the frames to move the time cursor">
        {frames.map((p, i) => <Frame key={i} picture={p} size={size} current={i === current} />)}
      </div>
    </div>
  );
}

/** Channels × time: the whole sample as one strip, the cursor as a line across it. */
function StripView({ picture, T }: { picture: Picture; T: number }) {
  const frame = useRef<HTMLDivElement>(null);
  const width = Math.max(120, useElementWidth(frame));
  const axis: TimeAxis = { left: 0, width, T, centred: true };
  const drag = useCursorDrag<HTMLDivElement>(axis);
  return (
    <figure className="input-frame" ref={frame}>
      <div className="cursor-host" {...drag}>
        <PictureCanvas picture={picture} width={width} height={STRIP_HEIGHT} />
        <CursorLine axis={axis} top={0} height={STRIP_HEIGHT} />
      </div>
      <figcaption>{picture.caption}</figcaption>
    </figure>
  );
}

export function InputView() {
  const record = useShownRecord();
  const datasetId = useRunStore((s) => s.settings.dataset);
  const sets = useDatasetStore((s) => s.sets);
  const datasetShape = sets.find((set) => set.id === datasetId)?.featureShape;
  const view = useMemo(() => {
    if (!record) return null;
    const F = record.inputShape.reduce((a, b) => a * b, 1);
    // A flat Input fed with images (digits into [64]) is shown in the dataset's own shape.
    const sameSize = datasetShape && datasetShape.reduce((a, b) => a * b, 1) === F;
    const shape = sameSize && datasetShape.length >= 2 ? datasetShape : record.inputShape;
    return shape.length >= 2 ? { shape } : { strip: channelsOverTime(record.input, record.T, F) };
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
      {record && view?.shape && <FramesView input={record.input} T={record.T} shape={view.shape} />}
      {record && view?.strip && <StripView picture={view.strip} T={record.T} />}
    </PlotCard>
  );
}
