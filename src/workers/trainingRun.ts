/**
 * The training session as the worker serves it: one session at a time; `train` runs it until
 * done or paused and streams frames at most FRAME_RATE per second (step metrics buffered between
 * frames, bounded; a recorded sample at most once per second and at every epoch end), their
 * typed arrays transferred.
 */
import * as Comlink from 'comlink';
import { SpikelabError } from '../engine/core/errors';
import { loadDataset, type SpikeDataset } from '../engine/datasets';
import type { ManifestSet } from '../engine/datasets/manifest';
import { TrainingSession } from '../engine/tensor/train/session';
import type { SimulationRecord, StepMetrics } from '../engine/train/types';
import type { PreparedRun, PrepareRequest, RunFrame } from './api';
import { trainingDataOf } from '../engine/train/fromDataset';

const FRAME_INTERVAL_MS = 1000 / 30;
const RECORD_INTERVAL_MS = 1000;
const MAX_BUFFERED_STEPS = 256;

type FetchBytes = (path: string) => Promise<Uint8Array>;

let session: TrainingSession | null = null;
let controller: AbortController | null = null;
let recordIndex = 0;
const cache = new Map<string, SpikeDataset>();

async function split(set: ManifestSet, which: string, T: number, fetchBytes: FetchBytes): Promise<SpikeDataset | undefined> {
  const entry = set.splits.find((s) => s.split === which) ?? (which === 'train' ? set.splits[0] : undefined);
  if (!entry) return undefined;
  const key = `${entry.id}@${set.kind === 'images' ? T : 'native'}`;
  let dataset = cache.get(key);
  if (!dataset) {
    dataset = await loadDataset(entry.id, fetchBytes, { T });
    cache.set(key, dataset);
  }
  return dataset;
}

export function resetSession(): void {
  controller?.abort();
  controller = null;
  session?.dispose();
  session = null;
}

export async function prepareSession(request: PrepareRequest, sets: ManifestSet[], fetchBytes: FetchBytes): Promise<PreparedRun> {
  resetSession();
  const set = sets.find((s) => s.id === request.dataset);
  if (!set) throw new SpikelabError('DATA_UNKNOWN_SET', `There is no shipped dataset named "${request.dataset}".`, `Pick one of: ${sets.map((x) => x.id).join(', ')}.`);
  const train = await split(set, 'train', request.T, fetchBytes);
  const test = await split(set, 'test', request.T, fetchBytes);
  const trainData = trainingDataOf(train!, request.maxSamples);
  const testData = test && test !== train ? trainingDataOf(test, request.maxSamples > 0 ? Math.max(request.batchLimit, Math.ceil(request.maxSamples / 4)) : 0) : undefined;
  session = new TrainingSession(request.graph, { train: trainData, test: testData }, request.config);
  recordIndex = 0;
  return { stepsPerEpoch: session.stepsPerEpoch, totalSteps: session.totalSteps, trainN: trainData.n, testN: testData?.n ?? 0, T: trainData.T, classes: train!.classes };
}

function active(): TrainingSession {
  if (!session) throw new SpikelabError('TRAIN_NO_SESSION', 'There is no training session yet.', 'Press Train (or Step) to prepare one with the current graph and settings.');
  return session;
}

function recordBuffers(record: SimulationRecord): ArrayBuffer[] {
  const buffers = [record.input.buffer];
  for (const layer of record.layers) {
    if (layer.spikes) buffers.push(layer.spikes.buffer);
    if (layer.membrane) buffers.push(layer.membrane.buffer);
  }
  return buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

export async function record(index = recordIndex, which: 'train' | 'test' = 'test'): Promise<SimulationRecord> {
  recordIndex = index;
  return active().simulate(index, which);
}

function send(onFrame: (frame: RunFrame) => void, frame: RunFrame): void {
  void onFrame(frame.record ? Comlink.transfer(frame, recordBuffers(frame.record)) : frame);
}

/** Trains until the epochs are done or `pauseTraining` is called; resumable. */
export async function trainSession(onFrame: (frame: RunFrame) => void): Promise<{ finished: boolean }> {
  const current = active();
  controller = new AbortController();
  let buffered: StepMetrics[] = [];
  let lastFrame = 0;
  let lastRecord = 0;
  /** Step metrics go out at once, in order; a recorded sample follows in its own frame. */
  const flush = async (withRecord: boolean) => {
    send(onFrame, { steps: buffered });
    buffered = [];
    lastFrame = performance.now();
    if (!withRecord) return;
    lastRecord = lastFrame;
    send(onFrame, { steps: [], record: await current.simulate(recordIndex, 'test') });
  };
  await current.run({
    signal: controller.signal,
    onStep: (metrics) => {
      buffered.push(metrics);
      if (buffered.length > MAX_BUFFERED_STEPS) buffered = buffered.slice(-MAX_BUFFERED_STEPS);
      const now = performance.now();
      if (now - lastFrame >= FRAME_INTERVAL_MS) void flush(now - lastRecord >= RECORD_INTERVAL_MS);
    },
    onEpoch: (epoch) => send(onFrame, { steps: [], epoch }),
  });
  await flush(true);
  controller = null;
  return { finished: current.finished };
}

export function pauseTraining(): void {
  controller?.abort();
}

export async function stepSession(): Promise<RunFrame> {
  const current = active();
  const metrics = await current.step();
  const frame: RunFrame = { steps: [metrics], record: await current.simulate(recordIndex, 'test') };
  return Comlink.transfer(frame, recordBuffers(frame.record!));
}

export function trainedGraph() {
  return active().trainedGraph();
}
