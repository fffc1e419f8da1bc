/**
 * The typed contract between the UI and the engine worker (types only). Everything that crosses
 * it is plain data or typed arrays (DESIGN.md §1, rule 4). Worker methods are verbs.
 */
import type { BackendInfo, BackendName } from '../engine/tensor/runtime/backend';
import type { ErrorInfo } from '../engine/core/errors';
import type { NirGraph } from '../engine/graph/types';
import type { DtGuess } from '../engine/nir/dtGuess';
import type { ExportTargetId, TargetNote } from '../engine/nir/targets/types';
import type { NirWarning } from '../engine/nir/warnings';
import type { DatasetManifest } from '../engine/datasets/manifest';
import type { OwnDatasetInfo } from '../engine/datasets/own/ownDataset';
import type { CacheListing, CachedSet } from '../engine/datasets/remote/datasetCache';
import type { FetchProgress, FetchRequest } from '../engine/datasets/remote/fetchDataset';
import type { StimulusSpec } from '../engine/stimuli/types';
import type { GraphLayout, LayoutOptions } from '../engine/graph/layout';
import type { BestEpoch, EpochMetrics, EvaluationResult, SimulationRecord, StepMetrics, TaskProgress, TrainConfig } from '../engine/train/types';
import type { Probe, Probes } from '../engine/train/probes';

export type { BackendInfo, BackendName, ErrorInfo, NirGraph, DtGuess, NirWarning, DatasetManifest, GraphLayout, LayoutOptions, ExportTargetId, TargetNote };
export type { BestEpoch, EpochMetrics, EvaluationResult, SimulationRecord, StepMetrics, TaskProgress, TrainConfig, Probe, Probes, StimulusSpec };

/** What saving for a target will do (../engine/nir/targets), without the rewritten graph. */
export interface ExportPreview {
  target: ExportTargetId;
  label: string;
  /** How the peer loads the file. */
  load: string;
  /** dt of the written network (seconds, or steps for a step-unit graph saved as plain NIR). */
  dt: number;
  changes: TargetNote[];
  /** Non-empty: the target cannot express the network and nothing will be written. */
  refusals: TargetNote[];
  renamed: Record<string, string>;
}

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

/** What a run needs: the graph, a shipped dataset (set id) or one of the person's own (own:…), the trainer's config. */
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
  /** Continue the schedule at this finished step (a run resumed from a checkpoint); 0 or absent: from the start. */
  resumeAt?: number;
}

export interface PreparedRun {
  stepsPerEpoch: number;
  /** Steps already done (a session continued after Done, or rebuilt after a lost device). */
  stepsDone: number;
  totalSteps: number;
  trainN: number;
  testN: number;
  T: number;
  classes: string[];
  /** Set when preparing had to leave a lost GPU device for WASM. */
  notice?: RunNotice;
}

/** Something the person should know about the run that is not an error. */
export interface RunNotice {
  code: 'DEVICE_LOST_FALLBACK';
  message: string;
  /** The backend now in use. */
  backend: BackendInfo;
  /** The finished step whose weights the run continues from (0: the untrained graph). */
  step: number;
}

/**
 * What happened since the last frame the page drew (the worker sends one only when the page has
 * drawn the previous one): new step metrics (bounded), epoch summaries, the newest recorded
 * sample and when it was taken, the newest progress inside a long step or evaluation.
 */
export interface RunFrame {
  steps: StepMetrics[];
  epochs?: EpochMetrics[];
  record?: SimulationRecord;
  /** When `record` was taken: after how many finished steps, and the wall-clock time (ms since 1970). */
  recordedAt?: { step: number; time: number };
  progress?: TaskProgress;
  notice?: RunNotice;
}

/** The page's frame handler: it resolves once the page has drawn the frame (back-pressure). */
export type FrameHandler = (frame: RunFrame) => Promise<void> | void;
export type ProgressHandler = (progress: TaskProgress) => void;

/** How a train() call ended: all epochs done, or paused (by the person, or by a lost device). */
export interface TrainOutcome {
  finished: boolean;
  stepsDone: number;
  /** The run's seed. */
  seed: number;
  /** The best test epoch so far; when finished with keepBest, the session holds its weights (a saved .nir is that epoch's). */
  best?: BestEpoch;
  /** Early stopping ended the run. */
  stoppedEarly?: true;
  notice?: RunNotice;
}

/** The session's parameters at one finished step, read without blocking, for the page to keep. */
export interface TrainingSnapshot {
  /** The finished step the weights belong to. */
  step: number;
  /** The graph with those parameters written back (NIR conventions). */
  graph: NirGraph;
  /** That step's metrics, when this session computed it (absent right after preparing). */
  metrics?: StepMetrics;
}

/** The test split's evaluation, with the class names for the confusion matrix. */
export interface Evaluation extends EvaluationResult {
  classes: string[];
  split: 'test' | 'train';
}

/** A file dropped on the page (or picked), with its path inside a dropped folder ("Train/7/00012.bin"). */
export interface DroppedFile {
  name: string;
  /** The File itself: a handle, read in the worker piece by piece (never copied whole to it). */
  file: Blob;
}

/** How far reading dropped files has got: 0..1 and what is being done, in words. */
export interface ImportProgress {
  fraction: number;
  stage: string;
}
export type ImportProgressHandler = (progress: ImportProgress) => void;
export type { OwnDatasetInfo };
/** A dataset fetched from the web (../engine/datasets/remote): the request, its progress, the cache. */
export type { CacheListing, CachedSet, FetchProgress, FetchRequest };
export type FetchProgressHandler = (progress: FetchProgress) => void;

export interface EngineApi {
  /** Starts the tensor runtime and reports the backend actually in use. */
  init(options: InitOptions): Promise<Result<BackendInfo>>;
  /** The backend in use, or null before init. */
  backend(): Promise<BackendInfo | null>;
  /** Reads a .nir file (bytes transferred); a bad file answers with the codec's error. */
  loadNir(bytes: Uint8Array, name: string, layout?: LayoutOptions): Promise<Result<LoadedNir>>;
  /** Lays a graph out left to right (positions in its metadata kept unless options.ignoreSaved). */
  layout(graph: NirGraph, options?: LayoutOptions): Promise<Result<GraphLayout>>;
  /**
   * Writes a graph as .nir bytes (transferred back), ready to download; with a target other than
   * 'nir', rewritten for that peer's importer at dt (refused with NIR_TARGET_CANNOT_EXPRESS).
   */
  saveNir(graph: NirGraph, target?: ExportTargetId, dt?: number): Promise<Result<Uint8Array>>;
  /** What saving for `target` would change or refuse, for the graph at dt. */
  previewExport(graph: NirGraph, target: ExportTargetId, dt: number): Promise<Result<ExportPreview>>;
  /** The shipped datasets (public/datasets/manifest.json). */
  listDatasets(): Promise<Result<DatasetManifest>>;
  /**
   * Loads the data and compiles the graph into a fresh session (any previous one is stopped and
   * disposed), reporting 'loading' progress.
   */
  prepare(request: PrepareRequest, onProgress?: ProgressHandler): Promise<Result<PreparedRun>>;
  /**
   * Trains until the epochs are done or pause() is called, streaming frames to `onFrame` (the
   * next one only once the page has drawn the last). Inside a long step, pause takes effect
   * between micro-batches and the unfinished step is dropped.
   */
  train(onFrame: FrameHandler): Promise<Result<TrainOutcome>>;
  /** Stops training (or an evaluation) at the next step or micro-batch boundary; train() resumes. */
  pause(): Promise<void>;
  /** One optimisation step, with the recorded sample; progress inside a long step goes to `onFrame`. */
  step(onFrame?: FrameHandler): Promise<Result<RunFrame>>;
  /** Adds the configured number of epochs to a session that has run all of its own (Continue). */
  extend(): Promise<Result<PreparedRun>>;
  /** Runs the test split (the training split when there is none) through the network: accuracy and confusion counts. */
  evaluate(onProgress?: ProgressHandler): Promise<Result<Evaluation>>;
  /** Runs one sample (test split) through the network, recording every population (or what setProbes asked for). */
  simulate(index: number): Promise<Result<SimulationRecord>>;
  /**
   * What every later recorded sample keeps (populations, neurons, spikes and/or membrane); {}:
   * everything. Kept across sessions and resets; a new worker starts with {}.
   */
  setProbes(probes: Probes): Promise<void>;
  /**
   * Runs the graph on a stimulus (../engine/stimuli) for T steps of dt (the graph's time unit, as
   * the stimulus' times), recording every population; needs no dataset or session.
   */
  simulateStimulus(graph: NirGraph, stimulus: StimulusSpec, T: number, dt: number): Promise<Result<SimulationRecord>>;
  /** The graph with the trained parameters written back (NIR conventions). */
  takeTrainedGraph(): Promise<Result<NirGraph>>;
  /** The parameters of the last finished step, also while training (served between steps). */
  takeSnapshot(): Promise<Result<TrainingSnapshot>>;
  /**
   * Reads dropped files (.npy/.npz spikes and labels, SHD .h5, N-MNIST .bin or a zip of them,
   * .safetensors) into a dataset of the person's own, held for the session and kept in IndexedDB
   * when the quota allows; its id (own:…) can then be prepared like a shipped set's. A file that
   * does not fit answers with a DATA_ error that says what it is and what was expected.
   */
  importDataset(files: DroppedFile[], onProgress?: ImportProgressHandler): Promise<Result<OwnDatasetInfo>>;
  /** Stops reading dropped files (the import answers DATA_ABORTED). */
  cancelImport(): Promise<void>;
  /** The person's own datasets: those kept in IndexedDB and those held for this session only. */
  listOwnDatasets(): Promise<Result<OwnDatasetInfo[]>>;
  /** Removes one of them from memory and from IndexedDB. */
  forgetOwnDataset(id: string): Promise<Result<void>>;
  /**
   * Fetches a web dataset (a catalogue id such as "shd", or an http(s) address) into this
   * browser's cache (OPFS), streamed with progress; it is then listed with the shipped sets.
   * Any failure (DATA_REMOTE_…, DATA_CACHE_…, DATA_ABORTED) leaves the cache as it was.
   */
  fetchWebDataset(request: FetchRequest, onProgress?: FetchProgressHandler): Promise<Result<CachedSet>>;
  /** Stops the fetch in progress (it answers DATA_ABORTED). */
  cancelWebFetch(): Promise<void>;
  /** The cached web datasets, their bytes, and what the browser allows (navigator.storage.estimate()). */
  listWebCache(): Promise<Result<CacheListing>>;
  /** Forgets one cached web dataset, or (no id) all of them. */
  clearWebCache(id?: string): Promise<Result<void>>;
  /** Stops any run and disposes the session. */
  reset(): Promise<void>;
}
