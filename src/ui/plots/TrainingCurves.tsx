/**
 * Loss and accuracy per step (train, bounded by the live store) and per epoch (train and test),
 * as two canvas line charts (./CurveCanvas.tsx): redrawn at most once per animation frame, so a
 * fast run does not keep the page busy; the whole series stays available as CSV.
 */
import { useMemo } from 'react';
import type { EpochMetrics } from '../../engine/train/types';
import { useLiveStore } from '../state/liveStore';
import { CurveCanvas } from './CurveCanvas';
import type { CurveSeries } from './curveDomain';
import { PlotCard } from './PlotCard';
import { toCsv, type Point } from './series';

const COLORS = { step: '#3366dd', train: '#1f8a4c', test: '#b26b00' };

function epochPoints(epochs: readonly EpochMetrics[], stepsPerEpoch: number): Point[] {
  return epochs.map((e) => {
    const point: Point = { step: (e.epoch + 1) * stepsPerEpoch, trainLoss: e.trainLoss, trainAccuracy: e.trainAccuracy };
    if (e.testLoss !== undefined) point.testLoss = e.testLoss;
    if (e.testAccuracy !== undefined) point.testAccuracy = e.testAccuracy;
    return point;
  });
}

function curves(steps: readonly Point[], epochs: readonly Point[], metric: 'loss' | 'accuracy'): CurveSeries[] {
  const [train, test] = metric === 'loss' ? ['trainLoss', 'testLoss'] : ['trainAccuracy', 'testAccuracy'];
  const of = (points: readonly Point[], key: string) => points.filter((p) => p[key] !== undefined).map((p) => ({ x: p.step, y: p[key] }));
  const series: CurveSeries[] = [{ name: `${metric === 'loss' ? 'Loss' : 'Accuracy'} per step`, color: COLORS.step, points: of(steps, metric) }];
  if (epochs.length) series.push({ name: 'train/epoch', color: COLORS.train, points: of(epochs, train), dots: true });
  if (epochs.some((e) => e[test] !== undefined)) series.push({ name: 'test/epoch', color: COLORS.test, points: of(epochs, test), dots: true });
  return series;
}

export function TrainingCurves() {
  const steps = useLiveStore((s) => s.steps);
  const epochs = useLiveStore((s) => s.epochs);
  const stepsPerEpoch = useLiveStore((s) => s.progress?.stepsPerEpoch ?? 1);
  const perEpoch = useMemo(() => epochPoints(epochs, stepsPerEpoch), [epochs, stepsPerEpoch]);
  const loss = useMemo(() => curves(steps, perEpoch, 'loss'), [steps, perEpoch]);
  const accuracy = useMemo(() => curves(steps, perEpoch, 'accuracy'), [steps, perEpoch]);
  const csv = steps.length ? () => toCsv([...steps, ...perEpoch].sort((a, b) => a.step - b.step)) : null;
  return (
    <PlotCard label="Training curves" file="training-curves" csv={csv}>
      {steps.length === 0 ? <p className="plot-empty">Loss and accuracy appear here while training.</p> : (
        <>
          <CurveCanvas label="Loss over training steps" series={loss} xTitle="training step" yTitle="loss" integerX />
          <CurveCanvas label="Accuracy over training steps" series={accuracy} xTitle="training step" yTitle="accuracy" fixedY={[0, 1]} integerX />
        </>
      )}
    </PlotCard>
  );
}
