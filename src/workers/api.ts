/**
 * The typed contract between the UI and the engine worker (types only). Everything that crosses
 * it is plain data or typed arrays (DESIGN.md §1, rule 4). Worker methods are verbs.
 */
import type { BackendInfo, BackendName } from '../engine/tensor/backend';
import type { ErrorInfo } from '../engine/core/errors';
import type { NirGraph } from '../engine/graph/types';
import type { DtGuess } from '../engine/nir/dtGuess';
import type { NirWarning } from '../engine/nir/warnings';
import type { DatasetManifest } from '../engine/datasets/manifest';
import type { GraphLayout, LayoutOptions } from '../engine/graph/layout';
import type { EpochMetrics, SimulationRecord, StepMetrics, TrainConfig } from '../engine/train/types';

export type { BackendInfo, BackendName, ErrorInfo, NirGraph, DtGuess, NirWarning, DatasetManifest, GraphLayout, LayoutOptions };
export type { EpochMetrics, SimulationRecord, StepMetrics, TrainConfig };

export interface InitOptions {
  /** Force one backend (`?backend=` in the URL); otherwise webgpu → webgl → wasm → cpu. */
  backend?: BackendName;
}

/** Every call answers with a result or a structured error, never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** A .nir file as read by the tolerant reader: the graph, what was repaired, and the dt guess. */
export interface LoadedNir {
  graph: NirGraph;
  warnings: NirWarning[];
  dtGuess: DtGuess;
  version?: string;
  /** Canvas positions: saved ones from the file's lab metadata, the rest laid out. */
  positions: Record<string, [number, number]>;
}

/** What a run needs: the graph, a shipped dataset (set id), the trainer's config. */
export interface PrepareRequest {
  graph: NirGraph;
  dataset: string;
  config: TrainConfig;
  /** Steps per sample for image sets (spike sets bring their own T). */
  T: number;
  /** Training samples to use (0: the whole split); the test split is cut in proportion. */
  maxSamples: number;
  /** The smallest test split worth evaluating (at least one batch). */
  batchLimit: number;
}

export interface PreparedRun {
  stepsPerEpoch: number;
  totalSteps: number;
  trainN: number;
  testN: number;
  T: number;
  classes: string[];
}

/** One throttled frame of a run (≤ 30 per second): new step metrics, an epoch summary, a recorded sample. */
export interface RunFrame {
  steps: StepMetrics[];
  epoch?: EpochMetrics;
  record?: SimulationRecord;
}

export interface EngineApi {
  /** Starts the tensor runtime and reports the backend actually in use. */
  init(options: InitOptions): Promise<Result<BackendInfo>>;
  /** The backend in use, or null before init. */
  backend(): Promise<BackendInfo | null>;
  /** Reads a .nir file (bytes transferred); a bad file answers with the codec's error. */
  loadNir(bytes: Uint8Array, name: string, layout?: LayoutOptions): Promise<Result<LoadedNir>>;
  /** Lays a graph out left to right (positions in its metadata kept unless options.ignoreSaved). */
  layout(graph: NirGraph, options?: LayoutOptions): Promise<Result<GraphLayout>>;
  /** Writes a graph as .nir bytes (transferred back), ready to download. */
  saveNir(graph: NirGraph): Promise<Result<Uint8Array>>;
  /** The shipped datasets (public/datasets/manifest.json). */
  listDatasets(): Promise<Result<DatasetManifest>>;
  /** Loads the data and compiles the graph into a fresh session (any previous one is disposed). */
  prepare(request: PrepareRequest): Promise<Result<PreparedRun>>;
  /** Trains until the epochs are done or pause() is called, streaming frames to `onFrame`. */
  train(onFrame: (frame: RunFrame) => void): Promise<Result<{ finished: boolean }>>;
  /** Stops training after the current step; train() resumes. */
  pause(): Promise<void>;
  /** One optimisation step, with the recorded sample. */
  step(): Promise<Result<RunFrame>>;
  /** Runs one sample (test split) through the network, recording every population. */
  simulate(index: number): Promise<Result<SimulationRecord>>;
  /** The graph with the trained parameters written back (NIR conventions). */
  takeTrainedGraph(): Promise<Result<NirGraph>>;
  /** Disposes the session. */
  reset(): Promise<void>;
}
