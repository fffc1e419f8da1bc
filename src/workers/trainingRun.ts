/**
 * The training session as the worker serves it: one session at a time, one run (train, step or
 * evaluate) at a time. A run yields to the worker's event loop after every step and between the
 * micro-batches of a long one (./yieldToEventLoop.ts), so pause, record and settings messages are
 * served at once; frames go out only when the page has drawn the last one (./frameSender.ts). A
 * sample is recorded when a run starts, after an epoch, when it stops, and in between whenever
 * the weights changed and a few seconds passed (longer when recording itself is slow). A lost GPU
 * device is survived by rebuilding the session on WASM from the last host checkpoint
 * (./deviceFallback.ts). What a run trains and tests on, and at which dt, is the engine's
 * prepareRun (../engine/train/prepareRun.ts), which the CLI calls too. A run that ends (all epochs,
 * or early stopping) holds its best test epoch's weights when the settings keep them; the outcome
 * says which epoch, and every epoch record and outcome carries the seed.
 */
import * as Comlink from 'comlink';
import { SpikelabError } from '../engine/core/errors';
import type { FetchBytes } from '../engine/datasets';
import type { ManifestSet } from '../engine/datasets/manifest';
import { isOwnDatasetId } from '../engine/datasets/own/ownDataset';
import type { NirGraph } from '../engine/graph/types';
import { simulateStimulus, type StimulusRun } from '../engine/stimuli/simulate';
import type { StimulusSpec } from '../engine/stimuli/types';
import { SplitCache } from '../engine/train/splitCache';
import { prepareRun } from '../engine/train/prepareRun';
import { restoreProbes, type Probes } from '../engine/train/probes';
import type { SimulationRecord, StepMetrics, TaskProgress } from '../engine/train/types';
import type { TrainingSession } from '../engine/tensor/train/session';
import type { Evaluation, FrameHandler, PreparedRun, PrepareRequest, ProgressHandler, RunFrame, RunNotice, TrainingSnapshot, TrainOutcome } from './api';
import { DeviceFallback, type PreparedData } from './deviceFallback';
import { FrameSender } from './frameSender';
import { ownRunData } from './ownDatasets';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Records at most this often (ms), and at most every RECORD_COST_FACTOR × its own duration. */
const RECORD_MIN_INTERVAL_MS = 1000;
const RECORD_COST_FACTOR = 4;

let session: TrainingSession | null = null;
let controller: AbortController | null = null;
let running: Promise<unknown> | null = null;
let recordIndex = 0;
/** What recorded samples keep (../engine/train/probes.ts); undefined: every population whole. Outlives sessions. */
let probes: Probes | undefined;
/** The finished step the newest recorded sample shows (-1: none this session). */
let recordedStep = -1;
/** The metrics of the newest finished step of this session (for snapshots). */
let lastMetrics: StepMetrics | null = null;
/** The splits loaded so far (../engine/train/splitCache.ts), kept for the worker's lifetime. */
const cache = new SplitCache();
const fallback = new DeviceFallback();

/** Stops the run in progress (at its next step or micro-batch boundary) and waits for it to leave. */
async function stopRun(): Promise<void> {
  controller?.abort();
  await running?.catch(() => undefined);
}

export async function resetSession(): Promise<void> {
  await stopRun();
  fallback.forget();
  try {
    session?.dispose();
  } catch {
    // the device is gone with its tensors: nothing left to free
  }
  session = null;
}

function report(onProgress: ProgressHandler | undefined, progress: TaskProgress): void {
  if (onProgress) void Promise.resolve(onProgress(progress)).catch(() => undefined);
}

/**
 * The data a request asks for, and the request with the dt the run takes: a shipped set's splits,
 * subsets and dt as the CLI prepares them too (../engine/train/prepareRun.ts), loaded (or cached)
 * with progress; the person's own datasets (own:…, dropped files) from ./ownDatasets.ts.
 */
export async function requestedData(request: PrepareRequest, sets: ManifestSet[], fetchBytes: FetchBytes, onProgress?: ProgressHandler): Promise<PreparedData> {
  if (isOwnDatasetId(request.dataset)) return { request, ...(await ownRunData(request.dataset, request.maxSamples, request.batchLimit)) };
  const run = await prepareRun(
    { dataset: request.dataset, purpose: 'train', graph: request.graph, dt: request.config.dt, T: request.T, maxSamples: request.maxSamples, batchSize: request.batchLimit },
    { sets, fetchBytes, cache },
    (fraction) => report(onProgress, { phase: 'loading', done: Math.round(90 * fraction), total: 100 }),
  );
  const data: PreparedData = { request: { ...request, config: { ...request.config, dt: run.dt.dt } }, train: run.train, classes: run.classes };
  if (run.test) data.test = run.test;
  return data;
}

export async function prepareSession(request: PrepareRequest, sets: ManifestSet[], fetchBytes: FetchBytes, onProgress?: ProgressHandler): Promise<PreparedRun> {
  await resetSession();
  const data = await requestedData(request, sets, fetchBytes, onProgress);
  await yieldToEventLoop(); // the last progress message goes out before the compile
  const built = await fallback.build(data);
  session = built.session;
  if (request.resumeAt && request.resumeAt > 0) session.resumeAt(request.resumeAt);
  recordIndex = 0;
  recordedStep = -1;
  lastMetrics = null;
  report(onProgress, { phase: 'loading', done: 100, total: 100 });
  return preparedRun(session, built.notice);
}

function preparedRun(current: TrainingSession, notice?: RunNotice): PreparedRun {
  const data = fallback.data!;
  const run: PreparedRun = {
    stepsPerEpoch: current.stepsPerEpoch, stepsDone: current.stepsTaken, totalSteps: current.totalSteps,
    trainN: data.train.n, testN: data.test?.n ?? 0, T: data.train.T, classes: data.classes,
  };
  if (notice) run.notice = notice;
  return run;
}

function active(): TrainingSession {
  if (!session) throw new SpikelabError('TRAIN_NO_SESSION', 'There is no training session yet.', 'Press Train (or Step) to prepare one with the current graph and settings.');
  return session;
}

function idle(): TrainingSession {
  if (running) throw new SpikelabError('RUN_BUSY', 'The engine is still busy with the previous run.', 'Wait for it to pause, or press Pause.');
  return active();
}

function recordBuffers(record: SimulationRecord): ArrayBuffer[] {
  const buffers = [record.input.buffer];
  for (const layer of record.layers) {
    if (layer.spikes) buffers.push(layer.spikes.buffer);
    if (layer.membrane) buffers.push(layer.membrane.buffer);
  }
  return buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

const withTransfers = (frame: RunFrame): RunFrame => (frame.record ? Comlink.transfer(frame, recordBuffers(frame.record)) : frame);

/** Runs `work` as the one run in progress, with a fresh abort signal that pause() and reset() fire. */
async function exclusive<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  idle();
  controller = new AbortController();
  const done = work(controller.signal);
  running = done;
  try {
    return await done;
  } finally {
    running = null;
    controller = null;
  }
}

export async function record(index = recordIndex, which: 'train' | 'test' = 'test'): Promise<SimulationRecord> {
  recordIndex = index;
  return active().simulate(index, which, probes);
}

/** Sets what every later recorded sample keeps (served between steps, so a run's next record honours it). */
export function setProbes(next: Probes): void {
  const restored = restoreProbes(next);
  probes = Object.keys(restored).length > 0 ? restored : undefined;
}

/** Runs `graph` on a stimulus in a program of its own (the session, if any, is untouched); not while a run is in progress. */
export async function recordStimulus(graph: NirGraph, stimulus: StimulusSpec, run: StimulusRun): Promise<SimulationRecord> {
  if (running) throw new SpikelabError('RUN_BUSY', 'The engine is still busy with the previous run.', 'Pause it, then simulate the stimulus.');
  return simulateStimulus(graph, stimulus, run);
}

/** Records the current sample into `frames`, and how long that took (ms). */
async function recordInto(current: TrainingSession, frames: FrameSender): Promise<number> {
  const started = performance.now();
  const sample = await current.simulate(recordIndex, 'test', probes);
  recordedStep = current.stepsTaken;
  frames.add({ record: sample, recordedAt: { step: recordedStep, time: Date.now() } });
  return performance.now() - started;
}

/** One train() pass over a session until done, paused or its device is lost. */
async function trainLoop(current: TrainingSession, frames: FrameSender, signal: AbortSignal): Promise<void> {
  let lastRecord = -Infinity;
  let recordCost = 0;
  let epochEnded = false;
  const takeRecord = async () => {
    recordCost = await recordInto(current, frames);
    lastRecord = performance.now();
  };
  const recordDue = () => recordedStep !== current.stepsTaken && performance.now() - lastRecord >= Math.max(RECORD_MIN_INTERVAL_MS, RECORD_COST_FACTOR * recordCost);
  if (recordedStep !== current.stepsTaken) await takeRecord();
  await current.run({
    signal,
    onStep: (metrics) => {
      lastMetrics = metrics;
      frames.add({ steps: [metrics] });
    },
    onEpoch: (epoch) => {
      frames.add({ epochs: [epoch] });
      epochEnded = true;
    },
    between: async (progress) => {
      frames.add({ progress });
      if (!signal.aborted && !fallback.lost) {
        if (epochEnded || recordDue()) await takeRecord();
        epochEnded = false;
        if (progress.phase === 'training' && progress.done === progress.total) await fallback.checkpoints.maybeTake(current);
      }
      await yieldToEventLoop();
    },
  });
  fallback.throwIfLost();
  if (recordedStep !== current.stepsTaken) await takeRecord();
  await fallback.checkpoints.maybeTake(current, true);
}

/** Trains until the epochs are done or `pauseTraining` is called; resumable. */
export async function trainSession(onFrame: FrameHandler): Promise<TrainOutcome> {
  const frames = new FrameSender(onFrame, withTransfers);
  let notice: RunNotice | undefined;
  try {
    for (;;) {
      try {
        await exclusive((signal) => trainLoop(active(), frames, signal));
        break;
      } catch (error) {
        if (notice || !fallback.isLost(error)) throw error;
        ({ session, notice } = await fallback.recover(session, error));
        frames.add({ notice });
      }
    }
  } finally {
    frames.flushNow();
  }
  const current = session;
  if (!current) return { finished: false, stepsDone: 0, seed: fallback.data?.request.config.seed ?? 0 }; // reset while it ran
  const outcome: TrainOutcome = { finished: current.finished, stepsDone: current.stepsTaken, seed: current.config.seed };
  const best = current.bestEpoch;
  if (best) outcome.best = best;
  if (current.stoppedEarly) outcome.stoppedEarly = true;
  if (notice) outcome.notice = notice;
  return outcome;
}

export function pauseTraining(): void {
  controller?.abort();
}

/** One step (abandoned if paused inside it), then a recorded sample. */
export async function stepSession(onFrame?: FrameHandler): Promise<RunFrame> {
  const progress = onFrame ? new FrameSender(onFrame) : null;
  const current = idle();
  if (current.finished) throw new SpikelabError('TRAIN_FINISHED', 'Training has run all its epochs.', 'Press Continue to train for more epochs, or Reset to start again.');
  try {
    const frame: RunFrame = { steps: [], epochs: [] };
    const metrics = await exclusive((signal) => current.trainStep({
      signal,
      onEpoch: (epoch) => frame.epochs!.push(epoch),
      between: async (p) => {
        progress?.add({ progress: p });
        await yieldToEventLoop();
      },
    }));
    if (metrics) {
      lastMetrics = metrics;
      frame.steps.push(metrics);
    }
    if (metrics?.epochDone) frame.epochs!.push(metrics.epochDone);
    frame.record = await current.simulate(recordIndex, 'test', probes);
    recordedStep = current.stepsTaken;
    frame.recordedAt = { step: recordedStep, time: Date.now() };
    await fallback.checkpoints.maybeTake(current, true);
    return withTransfers(frame);
  } catch (error) {
    if (!fallback.isLost(error)) throw error;
    let notice: RunNotice;
    ({ session, notice } = await fallback.recover(session, error));
    return { steps: [], notice };
  }
}

/** Gives a finished session another round of its configured epochs (weights and optimiser kept). */
export function extendSession(): PreparedRun {
  const current = idle();
  if (!current.finished) throw new SpikelabError('TRAIN_NOT_FINISHED', 'The session still has epochs to run.', 'Press Train to carry on.');
  current.extend(current.config.epochs);
  fallback.extraEpochs += current.config.epochs;
  return preparedRun(current);
}

/** The test split (or the training split) through the network, with progress per batch. */
export async function evaluateSession(onProgress?: ProgressHandler): Promise<Evaluation> {
  const current = idle();
  const data = fallback.data!;
  const which = data.test ? 'test' : 'train';
  const result = await exclusive((signal) => current.evaluate(data.test ?? data.train, current.config.batchSize, {
    phase: 'evaluating', signal,
    between: async (p) => {
      report(onProgress, p);
      await yieldToEventLoop();
    },
  }));
  return { ...result, classes: data.classes, split: which };
}

/** Watches the active backend's device: a loss aborts the run, which then falls back to WASM. */
export function watchDevice(): void {
  fallback.watch(() => controller?.abort());
}

export function trainedGraph() {
  return active().trainedGraph();
}

/** The parameters of the last finished step, read without blocking (the run goes on meanwhile). */
export async function trainingSnapshot(): Promise<TrainingSnapshot> {
  const current = active();
  const metrics = lastMetrics?.step === current.stepsTaken ? lastMetrics : null;
  const snapshot = await current.snapshot();
  const taken: TrainingSnapshot = { step: snapshot.step, graph: current.trainedGraph(snapshot) };
  if (metrics && metrics.step === snapshot.step) taken.metrics = metrics;
  return taken;
}
