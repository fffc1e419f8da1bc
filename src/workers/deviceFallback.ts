/**
 * Surviving a lost GPU device. The session's tensors vanish with the device, so the worker keeps
 * what it needs on the host: the prepared data (host arrays), the request, and a checkpoint of
 * the parameters taken every few seconds (./checkpoints.ts). When a run fails with a device-lost
 * error, or the device's `lost` promise fires, TF.js is switched to WASM, the session is rebuilt
 * from the checkpoint's weights (the schedule resumes at its step; Adam's moments start afresh),
 * and the run reports a notice the page shows: "The GPU device was lost; continuing on WASM with
 * the weights of step N". The graph the person edits is never touched.
 */
import { SpikelabError } from '../engine/core/errors';
import { selectBackend, type BackendLoader, type BackendName } from '../engine/tensor/runtime/backend';
import { browserLoaders } from '../engine/tensor/runtime/loaders.browser';
import { isDeviceLostError, watchDeviceLoss } from '../engine/tensor/kernels/deviceLoss';
import { activeBackendName } from '../engine/tensor/kernels/registry';
import { TrainingSession } from '../engine/tensor/train/session';
import type { TrainingData } from '../engine/train/types';
import type { PrepareRequest, RunNotice } from './api';
import { setActiveBackend } from './backendState';
import { Checkpoints } from './checkpoints';

export interface PreparedData {
  request: PrepareRequest;
  train: TrainingData;
  test?: TrainingData;
  classes: string[];
}

export interface FallbackOptions {
  loaders?: Partial<Record<BackendName, BackendLoader>>;
  backend?: () => string;
}

export class DeviceFallback {
  /** The data and request of the prepared session, kept on the host for a rebuild. */
  data: PreparedData | null = null;
  /** Epochs added by Continue since preparing, re-added to a rebuilt session. */
  extraEpochs = 0;
  readonly checkpoints: Checkpoints;
  private lostReason: string | null = null;
  private readonly loaders: Partial<Record<BackendName, BackendLoader>>;
  private onLost: (() => void) | null = null;

  constructor(options: FallbackOptions = {}) {
    this.loaders = options.loaders ?? browserLoaders;
    this.checkpoints = new Checkpoints(options.backend ?? activeBackendName);
  }

  /** Listens for the active backend's device loss; `then` runs when it happens (e.g. to abort the run). */
  watch(then: () => void): void {
    this.onLost = then;
    watchDeviceLoss((reason) => {
      this.lostReason = reason;
      this.onLost?.();
    });
  }

  get lost(): boolean {
    return this.lostReason !== null;
  }

  isLost(error: unknown): boolean {
    return this.lostReason !== null || isDeviceLostError(error);
  }

  throwIfLost(): void {
    if (this.lostReason !== null) throw new SpikelabError('DEVICE_LOST', `The GPU device was lost: ${this.lostReason}.`, 'The lab continues on WASM.');
  }

  forget(): void {
    this.data = null;
    this.extraEpochs = 0;
    this.checkpoints.clear();
  }

  /** A session for `data` from `graph`; when the device is lost while building, the same on WASM. */
  async build(data: PreparedData): Promise<{ session: TrainingSession; notice?: RunNotice }> {
    this.data = data;
    this.extraEpochs = 0;
    this.checkpoints.clear();
    try {
      return { session: this.create(data.request.graph) };
    } catch (error) {
      if (!this.isLost(error)) throw error;
      return this.recover(null, error);
    }
  }

  private create(graph: PrepareRequest['graph']): TrainingSession {
    const data = this.data!;
    const session = new TrainingSession(graph, { train: data.train, test: data.test }, data.request.config);
    if (this.extraEpochs > 0) session.extend(this.extraEpochs);
    return session;
  }

  /** Switches to WASM and rebuilds from the last checkpoint (or the prepared graph when there is none). */
  async recover(lostSession: TrainingSession | null, error: unknown): Promise<{ session: TrainingSession; notice: RunNotice }> {
    const data = this.data;
    if (!data) throw error;
    const reason = this.lostReason ?? (error instanceof Error ? error.message : String(error));
    const checkpoint = this.checkpoints.latest;
    const graph = checkpoint && lostSession ? lostSession.trainedGraph(checkpoint) : data.request.graph;
    try {
      lostSession?.dispose();
    } catch {
      // its tensors went with the device
    }
    const backend = await selectBackend({ candidates: ['wasm'], loaders: this.loaders });
    backend.fallbackReason = `the GPU device was lost (${reason})`;
    setActiveBackend(backend);
    this.lostReason = null;
    this.checkpoints.clear();
    const session = this.create(graph);
    const step = checkpoint && lostSession ? checkpoint.step : 0;
    if (step > 0) session.resumeAt(step);
    const weights = step > 0 ? `the weights of step ${step}` : 'the weights it started from';
    return { session, notice: { code: 'DEVICE_LOST_FALLBACK', backend, step, message: `The GPU device was lost; continuing on WASM with ${weights}.` } };
  }
}
