/**
 * Loss and accuracy per step (train, bounded by the live store and thinned to DRAWN_POINTS for
 * drawing) and per epoch (train and test), with recharts: no animation, each chart memoised on its
 * data, updates deferred so a busy frame never waits for the SVG.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochMetrics } from '../../engine/train/types';
import { useLiveStore } from '../state/liveStore';
import { PlotCard } from './PlotCard';
import { thinned, toCsv, type Point } from './series';

const DRAWN_POINTS = 200;
const AXIS_TICK = { fontSize: 10, fill: 'var(--muted)' };

function epochPoints(epochs: readonly EpochMetrics[], stepsPerEpoch: number): Point[] {
  return epochs.map((e) => {
    const point: Point = { step: (e.epoch + 1) * stepsPerEpoch, trainLoss: e.trainLoss, trainAccuracy: e.trainAccuracy };
    if (e.testLoss !== undefined) point.testLoss = e.testLoss;
    if (e.testAccuracy !== undefined) point.testAccuracy = e.testAccuracy;
    return point;
  });
}

const Chart = memo(function Chart({ steps, epochs, metric }: { steps: readonly Point[]; epochs: Point[]; metric: 'loss' | 'accuracy' }) {
  const cap = metric === 'loss' ? 'Loss' : 'Accuracy';
  return (
    <ResponsiveContainer width="100%" height={130}>
      <LineChart margin={{ top: 4, right: 8, bottom: 10, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} allowDuplicatedCategory={false} tick={AXIS_TICK}
          label={{ value: 'training step', position: 'insideBottom', offset: -6, fontSize: 10, fill: 'var(--muted)' }} />
        <YAxis width={44} tick={AXIS_TICK} domain={metric === 'accuracy' ? [0, 1] : ['auto', 'auto']}
          label={{ value: metric, angle: -90, position: 'insideLeft', offset: 10, fontSize: 10, fill: 'var(--muted)' }} />
        <Tooltip contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', fontSize: 12 }} isAnimationActive={false} />
        <Legend wrapperStyle={{ fontSize: 11 }} verticalAlign="top" height={18} />
        <Line data={steps as Point[]} dataKey={metric} name={`${cap} per step`} stroke="var(--accent)" dot={false} isAnimationActive={false} />
        <Line data={epochs} dataKey={metric === 'loss' ? 'trainLoss' : 'trainAccuracy'} name="train/epoch" stroke="var(--ok)" isAnimationActive={false} />
        <Line data={epochs} dataKey={metric === 'loss' ? 'testLoss' : 'testAccuracy'} name="test/epoch" stroke="var(--warn)" isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
});

export function TrainingCurves() {
  const steps = useLiveStore((s) => s.steps);
  const epochs = useLiveStore((s) => s.epochs);
  const stepsPerEpoch = useLiveStore((s) => s.progress?.stepsPerEpoch ?? 1);
  const perEpoch = useMemo(() => epochPoints(epochs, stepsPerEpoch), [epochs, stepsPerEpoch]);
  const drawn = useDeferredValue(useMemo(() => thinned(steps, DRAWN_POINTS), [steps]));
  const csv = steps.length ? () => toCsv([...steps, ...perEpoch].sort((a, b) => a.step - b.step)) : null;
  return (
    <PlotCard label="Training curves" file="training-curves" csv={csv}>
      {steps.length === 0 ? <p className="plot-empty">Loss and accuracy appear here while training.</p> : (
        <>
          <Chart steps={drawn} epochs={perEpoch} metric="loss" />
          <Chart steps={drawn} epochs={perEpoch} metric="accuracy" />
        </>
      )}
    </PlotCard>
  );
}
