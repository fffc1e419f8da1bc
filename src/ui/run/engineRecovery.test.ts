import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lifClassifier } from '../../engine/graph/templates';
import type { NirGraph } from '../../engine/graph/types';
import type { PrepareRequest, StepMetrics } from '../../workers/api';
import { useGraphStore } from '../state/graphStore';
import { useLiveStore } from '../state/liveStore';
import { DEFAULT_SETTINGS, useRunStore } from '../state/runStore';
import { CHECKPOINT_VERSION, type TrainingCheckpoint } from '../state/trainingCheckpoint';

// The engine as the run commands see it: a fake worker API that answers at once.
const prepares: PrepareRequest[] = [];
let stepsDone = 0;
const metrics = (step: number): StepMetrics => ({ epoch: Math.floor((step - 1) / 5), step, stepsPerEpoch: 5, totalSteps: 50, loss: 1 / step, accuracy: 0.5, samplesPerSec: 100, rates: {} });
const api = {
  prepare: vi.fn(async (request: PrepareRequest) => {
    prepares.push(request);
    stepsDone = request.resumeAt ?? 0;
    return { ok: true, value: { stepsPerEpoch: 5, stepsDone, totalSteps: 50, trainN: 10, testN: 2, T: 4, classes: ['a', 'b'] } };
  }),
  step: vi.fn(async () => ({ ok: true, value: { steps: [metrics(++stepsDone)] } })),
  takeTrainedGraph: vi.fn(async () => ({ ok: true, value: useGraphStore.getState().graph })),
  reset: vi.fn(async () => undefined),
};
vi.mock('../worker/engine', () => ({ engine: () => ({ api }) }));

const { runCommands, forgetRun } = await import('./runCommands');
const { recoverFromLostEngine } = await import('./engineRecovery');
const { resumeFrom } = await import('./resumeCheckpoint');

function withFc1Weights(graph: NirGraph, value: number): NirGraph {
  const fc1 = graph.nodes.fc1;
  if (fc1.type !== 'Affine') throw new Error('fc1 is not an Affine layer');
  return { ...graph, nodes: { ...graph.nodes, fc1: { ...fc1, weight: { ...fc1.weight, data: new Float32Array(fc1.weight.data.length).fill(value) } } } };
}

const fc1Weight = () => {
  const fc1 = useGraphStore.getState().graph.nodes.fc1;
  return fc1.type === 'Affine' ? fc1.weight.data[0] : Number.NaN;
};

describe('the run after a lost engine', () => {
  beforeEach(async () => {
    prepares.length = 0;
    stepsDone = 0;
    useGraphStore.getState().initialise(lifClassifier({ inputs: 4, hidden: 3, classes: 2 }), {}, 'digits-lif');
    useRunStore.getState().replace({ ...DEFAULT_SETTINGS, dataset: 'digits' });
    forgetRun();
    await runCommands.reset();
  });

  it('is forgotten: the next command prepares a fresh session on the new engine', async () => {
    await runCommands.step();
    await runCommands.step();
    expect(prepares).toHaveLength(1);
    forgetRun();
    await runCommands.step();
    expect(prepares).toHaveLength(2);
    expect(prepares[1].resumeAt).toBe(0);
  });

  it('says what happened and keeps the graph when nothing was checkpointed', async () => {
    await runCommands.step();
    const graph = useGraphStore.getState().graph;
    recoverFromLostEngine('it did not answer for 20 s');
    expect(useLiveStore.getState().message).toBe('The engine stopped (it did not answer for 20 s). Started a new one; your graph is kept.');
    expect(useLiveStore.getState().phase).toBe('paused');
    expect(useGraphStore.getState().graph).toBe(graph);
    await runCommands.step();
    expect(prepares).toHaveLength(2);
  });

  it('resumes a checkpoint: its weights in one undo step, its curves, and the next session continues at its step', async () => {
    const before = fc1Weight();
    const checkpoint: TrainingCheckpoint = {
      version: CHECKPOINT_VERSION, title: 'digits-lif', graph: withFc1Weights(useGraphStore.getState().graph, 0.25), progress: metrics(12),
      steps: [{ step: 11, loss: 0.1 }, { step: 12, loss: 0.09 }], epochs: [{ epoch: 0, trainLoss: 1, trainAccuracy: 0.4, seconds: 1 }], savedAt: 0,
    };
    resumeFrom(checkpoint, 'Resumed.');
    expect(fc1Weight()).toBe(0.25);
    expect(useLiveStore.getState().progress?.step).toBe(12);
    expect(useLiveStore.getState().steps.map((p) => p.step)).toEqual([11, 12]);
    expect(useLiveStore.getState().epochs).toHaveLength(1);

    await runCommands.step();
    expect(prepares.at(-1)?.resumeAt).toBe(12);
    expect(useLiveStore.getState().steps.map((p) => p.step)).toEqual([11, 12, 13]);
    expect(useLiveStore.getState().progress?.step).toBe(13);

    await runCommands.reset(); // puts the weights from before the resume back
    expect(fc1Weight()).toBe(before);
    useGraphStore.getState().undo();
    expect(fc1Weight()).toBe(0.25);
  });
});
