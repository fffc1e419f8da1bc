import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParamsA } from '../../workloads/canon';
import { syntheticShd } from '../../workloads/syntheticData';
import { workloadAGraph } from '../../workloads/workloadAGraph';
import { DEFAULT_TRAIN_CONFIG } from '../../train/defaults';
import type { TrainConfig, TrainingData } from '../../train/types';
import { nmnistConvNet } from '../../graph/templates';
import { startNodeBackend } from '../runtime/loaders.node';
import { TrainingSession } from './session';

const small = (overrides: Partial<TrainConfig> = {}): TrainConfig => ({
  ...DEFAULT_TRAIN_CONFIG, dt: 1, batchSize: 8, epochs: 2, lr: 5e-3,
  surrogate: { name: 'spyx_arctan', slope: 2 }, ...overrides,
});

describe('TrainingSession', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  it('trains workload A on synthetic data: the loss falls', async () => {
    const train = syntheticShd({ n: 64, T: 32, C: 32 });
    const graph = workloadAGraph(initParamsA({ C: 32, H: 32, gain: 2 }));
    const session = new TrainingSession(graph, { train }, small({ epochs: 4 }));
    const losses: number[] = [];
    const epochs: number[] = [];
    await session.run({ onStep: (m) => losses.push(m.loss), onEpoch: (e) => epochs.push(e.trainLoss) });
    expect(losses).toHaveLength(32);
    expect(epochs).toHaveLength(4);
    expect(epochs[3]).toBeLessThan(epochs[0]);
    expect(session.finished).toBe(true);
    await expect(session.step()).rejects.toMatchObject({ code: 'TRAIN_FINISHED' });
    session.dispose();
  });

  it('shifts resident batches on the device exactly as host batches are shifted (augmentation)', async () => {
    const packedTrain = syntheticShd({ n: 32, T: 16, C: 24 });
    const hostTrain = { ...packedTrain, packed: undefined };
    const graph = workloadAGraph(initParamsA({ C: 24, H: 16, gain: 2 }));
    const losses = async (train: TrainingData, augment?: TrainConfig['augment']) => {
      const session = new TrainingSession(graph, { train }, small({ epochs: 1, augment }));
      const out: number[] = [];
      await session.run({ onStep: (m) => out.push(m.loss) });
      expect(session.residentBytes > 0).toBe(train.packed !== undefined);
      session.dispose();
      return out;
    };
    const augment = { timeShift: 3, channelShift: 4 };
    const device = await losses(packedTrain, augment);
    const host = await losses(hostTrain, augment);
    expect(device).toHaveLength(4);
    device.forEach((l, i) => expect(l).toBeCloseTo(host[i], 5));
    const plain = await losses(packedTrain);
    expect(plain.some((l, i) => Math.abs(l - device[i]) > 1e-4)).toBe(true); // the shifts change the batches
  });

  it('frees the batch when a step throws', async () => {
    const train = syntheticShd({ n: 16, T: 4, C: 8 });
    const session = new TrainingSession(workloadAGraph(initParamsA({ C: 8, H: 4, gain: 2 })), { train }, small({ batchSize: 4 }));
    await session.step();
    const before = tf.memory().numTensors;
    // Thrown before any op: what TF.js's tape saved for ops that did run would stay kept (its
    // gradients() drops the tape on an exception without disposing the saved tensors).
    session.program.forward = () => { throw new Error('shader failed'); };
    await expect(session.step()).rejects.toThrow('shader failed');
    expect(tf.memory().numTensors).toBe(before);
    session.dispose();
  });

  it('keeps memory flat over 1,000 steps', async () => {
    const train = syntheticShd({ n: 16, T: 4, C: 8 });
    const graph = workloadAGraph(initParamsA({ C: 8, H: 4, gain: 2 }));
    const session = new TrainingSession(graph, { train }, small({ batchSize: 4, epochs: 250, clipNorm: 1 }));
    await session.step();
    await session.step();
    const before = tf.memory().numTensors;
    // Both counts mid-epoch (4 steps per epoch): the epoch's permutation lives on the device.
    for (let i = 2; i < 998; i++) await session.step();
    expect(tf.memory().numTensors).toBe(before);
    await session.step();
    await session.step();
    session.dispose();
  });

  it('takes each step at the schedule\'s learning rate and reports it', async () => {
    const train = syntheticShd({ n: 16, T: 4, C: 8 });
    const session = new TrainingSession(workloadAGraph(initParamsA({ C: 8, H: 4, gain: 2 })), { train },
      small({ batchSize: 4, epochs: 3, lr: 0.01, schedule: { kind: 'step', everyEpochs: 1, factor: 0.5 } }));
    const rates: number[] = [];
    await session.run({ onStep: (m) => rates.push(m.lr!) });
    expect(rates).toEqual([0.01, 0.01, 0.01, 0.01, 0.005, 0.005, 0.005, 0.005, 0.0025, 0.0025, 0.0025, 0.0025]);
    session.dispose();
  });

  it('pauses and resumes through an abort signal', async () => {
    const train = syntheticShd({ n: 32, T: 8, C: 16 });
    const session = new TrainingSession(workloadAGraph(initParamsA({ C: 16, H: 8, gain: 2 })), { train }, small({ epochs: 1 }));
    const controller = new AbortController();
    let steps = 0;
    await session.run({ signal: controller.signal, onStep: () => { if (++steps === 2) controller.abort(); } });
    expect(steps).toBe(2);
    expect(session.finished).toBe(false);
    await session.run({ onStep: () => steps++ });
    expect(steps).toBe(4);
    session.dispose();
  });

  it('records spikes and membranes of every population for one sample', async () => {
    const train = syntheticShd({ n: 8, T: 16, C: 16 });
    const session = new TrainingSession(workloadAGraph(initParamsA({ C: 16, H: 8, gain: 2 })), { train }, small());
    const record = await session.simulate(3);
    expect(record.T).toBe(16);
    expect(record.layers.map((l) => l.name)).toEqual(['lif1', 'lif2', 'li']);
    expect(record.layers[0].spikes).toHaveLength(16 * 8);
    expect(record.layers[0].membrane).toHaveLength(16 * 8);
    expect(record.layers[2].membrane).toHaveLength(16 * 20);
    expect(record.label).toBe(3);
    session.dispose();
  });

  it('refuses data that does not fit the network, with a hint', () => {
    const train = syntheticShd({ n: 8, T: 8, C: 16 });
    expect(() => new TrainingSession(workloadAGraph(initParamsA({ C: 32, H: 8 })), { train }, small()))
      .toThrow(expect.objectContaining({ code: 'DATA_SHAPE_MISMATCH' }));
    expect(() => new TrainingSession(workloadAGraph(initParamsA({ C: 16, H: 8 })), { train }, small({ batchSize: 0 })))
      .toThrow(expect.objectContaining({ code: 'TRAIN_BAD_CONFIG' }));
  });

  it('writes trained weights and decays back into the graph', async () => {
    const train = syntheticShd({ n: 16, T: 8, C: 16 });
    const graph = workloadAGraph(initParamsA({ C: 16, H: 8, gain: 2 }));
    const session = new TrainingSession(graph, { train }, small({ epochs: 1 }));
    await session.run();
    const trained = session.trainedGraph();
    const before = graph.nodes.fc1.type === 'Linear' ? graph.nodes.fc1.weight.data : new Float32Array();
    const after = trained.nodes.fc1.type === 'Linear' ? trained.nodes.fc1.weight.data : new Float32Array();
    expect(after).not.toEqual(before);
    const beta = session.program.variables['lif1/beta'].dataSync();
    const lif = trained.nodes.lif1;
    if (lif.type !== 'LIF') throw new Error('lif1 is not a LIF');
    // Euler: τ = dt/(1 − β), and r scaled so the input gain R·dt/τ stays 1.
    expect(lif.tau.data[0]).toBeCloseTo(1 / (1 - beta[0]), 3);
    expect(lif.r.data[0] / lif.tau.data[0]).toBeCloseTo(1, 5);
    session.dispose();
  });

  it('trains a convolutional network on wasm (no Conv2DBackpropFilter kernel there)', async () => {
    const T = 3;
    const F = 2 * 34 * 34;
    const train = {
      n: 4, T, featureShape: [2, 34, 34], classes: 10, labels: Uint8Array.from([0, 1, 2, 3]),
      batch: (indices: ArrayLike<number>) => Float32Array.from({ length: T * indices.length * F }, (_, i) => ((i * 2654435761) % 97 < 5 ? 1 : 0)),
    };
    const session = new TrainingSession(nmnistConvNet(), { train }, small({ dt: 1e-3, batchSize: 2, epochs: 1 }));
    const before = session.program.variables['conv1/weight'].dataSync().slice();
    const metrics = await session.step();
    expect(Number.isFinite(metrics.loss)).toBe(true);
    expect(session.program.variables['conv1/weight'].dataSync()).not.toEqual(before);
    session.dispose();
  });
});

describe('TrainingSession budget and checkpoints', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  const train = syntheticShd({ n: 16, T: 8, C: 16 });
  const graph = () => workloadAGraph(initParamsA({ C: 16, H: 8, gain: 2 }));

  it('continues after its last epoch when the budget is extended, keeping the weights', async () => {
    const session = new TrainingSession(graph(), { train }, small({ epochs: 1 }));
    await session.run();
    expect(session.finished).toBe(true);
    const trained = session.program.variables['fc1/weight'].dataSync().slice();
    session.extend(1);
    expect(session.finished).toBe(false);
    expect(session.totalSteps).toBe(4);
    expect(session.program.variables['fc1/weight'].dataSync()).toEqual(trained);
    const steps: number[] = [];
    await session.run({ onStep: (m) => steps.push(m.step) });
    expect(steps).toEqual([3, 4]);
    session.dispose();
  });

  it('rebuilds from a host snapshot and resumes the schedule at its step', async () => {
    const original = new TrainingSession(graph(), { train }, small({ epochs: 2 }));
    await original.step();
    await original.step();
    await original.step();
    const snapshot = await original.snapshot();
    expect(snapshot.step).toBe(3);
    const rebuilt = new TrainingSession(original.trainedGraph(snapshot), { train }, small({ epochs: 2 }));
    rebuilt.resumeAt(snapshot.step);
    expect(rebuilt.stepsTaken).toBe(3);
    for (const [key, values] of Object.entries(snapshot.values)) {
      const got = rebuilt.program.variables[key].dataSync();
      values.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 4));
    }
    const next = await rebuilt.step();
    expect([next.step, next.epoch]).toEqual([4, 1]); // the rest of epoch 1: its second batch
    original.dispose();
    rebuilt.dispose();
  });
});
