/** Loss and accuracy per step (train, downsampled) and per epoch (train and test), with recharts. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochMetrics } from '../../engine/train/types';
import { useLiveStore } from '../state/liveStore';
import { PlotCard } from './PlotCard';
import { toCsv, type Point } from './series';

function epochPoints(epochs: readonly EpochMetrics[], stepsPerEpoch: number): Point[] {
  return epochs.map((e) => {
    const point: Point = { step: (e.epoch + 1) * stepsPerEpoch, trainLoss: e.trainLoss, trainAccuracy: e.trainAccuracy };
    if (e.testLoss !== undefined) point.testLoss = e.testLoss;
    if (e.testAccuracy !== undefined) point.testAccuracy = e.testAccuracy;
    return point;
  });
}

function Chart({ steps, epochs, metric }: { steps: Point[]; epochs: Point[]; metric: 'loss' | 'accuracy' }) {
  const cap = metric === 'loss' ? 'Loss' : 'Accuracy';
  return (
    <ResponsiveContainer width="100%" height={120}>
      <LineChart margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} allowDuplicatedCategory={false} tick={{ fontSize: 10, fill: 'var(--muted)' }} />
        <YAxis tick={{ fontSize: 10, fill: 'var(--muted)' }} domain={metric === 'accuracy' ? [0, 1] : ['auto', 'auto']} />
        <Tooltip contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', fontSize: 12 }} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Line data={steps} dataKey={metric} name={`${cap} per step`} stroke="var(--accent)" dot={false} isAnimationActive={false} />
        <Line data={epochs} dataKey={metric === 'loss' ? 'trainLoss' : 'trainAccuracy'} name="train/epoch" stroke="var(--ok)" isAnimationActive={false} />
        <Line data={epochs} dataKey={metric === 'loss' ? 'testLoss' : 'testAccuracy'} name="test/epoch" stroke="var(--warn)" isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function TrainingCurves() {
  const steps = useLiveStore((s) => s.steps);
  const epochs = useLiveStore((s) => s.epochs);
  const progress = useLiveStore((s) => s.progress);
  const perEpoch = epochPoints(epochs, progress?.stepsPerEpoch ?? 1);
  const csv = steps.length ? () => toCsv([...steps, ...perEpoch].sort((a, b) => a.step - b.step)) : null;
  return (
    <PlotCard label="Training curves" file="training-curves" csv={csv}>
      {steps.length === 0 ? <p className="plot-empty">Loss and accuracy appear here while training.</p> : (
        <>
          <Chart steps={steps} epochs={perEpoch} metric="loss" />
          <Chart steps={steps} epochs={perEpoch} metric="accuracy" />
        </>
      )}
    </PlotCard>
  );
}
