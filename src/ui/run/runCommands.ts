/**
 * Train / Continue / Pause / Step / Reset / Evaluate and simulate, driving the worker's session.
 * A session is prepared on demand and again whenever the graph or the settings changed since
 * (Playground: every change resets). Frames land in the live store, and each is acknowledged
 * after the page's next animation frame, so the worker never outruns the drawing. When training
 * stops, the trained weights are written into the editor's graph (one undo step), so Save NIR
 * saves them; Reset puts the untrained ones back (./trainedWeights.ts), so the next run starts
 * from the initial loss again; Re-initialise draws fresh weights from the Run panel's seed
 * (../../engine/train/initialise.ts), the Playground's Reset. After Done, Train becomes Continue: the same session, weights and
 * optimiser state, for another round of the configured epochs. While training, checkpoints go to
 * IndexedDB (./checkpointing.ts); a resumed checkpoint (./resumeCheckpoint.ts) makes the next
 * session continue at its step, with its curves kept.
 */
import * as Comlink from 'comlink';
import type { NirGraph } from '../../engine/graph/types';
import { reinitialisedGraph } from '../../engine/train/initialise';
import type { PreparedRun, RunFrame, RunNotice, TaskProgress } from '../../workers/api';
import { engine } from '../worker/engine';
import { allDatasetSets } from '../state/ownDatasets';
import { useEngineStore } from '../state/engineStore';
import { useGraphStore } from '../state/graphStore';
import { useLiveStore } from '../state/liveStore';
import { optimisationConfigOf, useRunStore, type RunSettings } from '../state/runStore';
import { EngineStoppedError } from '../worker/deadWorker';
import { checkpointOnFrame, forgetCheckpoints, startCheckpointing, stopCheckpointing } from './checkpointing';
import { holdsTrainedParameters, withTrainedParameters, withUntrainedParameters } from './trainedWeights';

let preparedGraph: NirGraph | null = null;
let preparedSettings: RunSettings | null = null;
let prepared: PreparedRun | null = null;
/** The graph before training first wrote into it, and what training wrote last (for Reset). */
let lineage: { initial: NirGraph; trained: NirGraph } | null = null;
/** Bumped by Reset: a command that started before it drops its late results. */
let generation = 0;
/** The finished step a resumed checkpoint reached: the next session continues its schedule there (0: none). */
let resumeStep = 0;

function fail(message: string, hint?: string): void {
  useLiveStore.getState().setPhase('error', hint ? `${message} ${hint}` : message);
}

/** Resolves after the page's next animation frame: the frame just applied has been drawn. */
function drawn(): Promise<void> {
  return new Promise((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => resolve()) : setTimeout(resolve, 16)));
}

function showNotice(notice: RunNotice): void {
  useEngineStore.getState().setStatus({ phase: 'ready', backend: notice.backend });
  useLiveStore.setState({ message: notice.message });
}

function applyFrame(frame: RunFrame): void {
  const live = useLiveStore.getState();
  live.addSteps(frame.steps);
  for (const epoch of frame.epochs ?? []) live.addEpoch(epoch);
  if (frame.record) live.setRecord(frame.record, frame.recordedAt);
  if (frame.progress && !(frame.progress.phase === 'training' && frame.progress.done === frame.progress.total)) live.setTask(frame.progress);
  if (frame.notice) showNotice(frame.notice);
}

/** The frame handler the worker calls: applies at once, answers once drawn (back-pressure). */
function onFrame(frame: RunFrame): Promise<void> {
  applyFrame(frame);
  checkpointOnFrame(frame);
  return drawn();
}

function onProgress(progress: TaskProgress): void {
  useLiveStore.getState().setTask(progress);
}

/** The shift augmentation the settings ask for; channel shifts only where the set has one feature axis (the form shows 0 otherwise). */
function augmentOf(settings: RunSettings): { timeShift: number; channelShift: number } | undefined {
  const oneAxis = allDatasetSets().find((s) => s.id === settings.dataset)?.featureShape.length === 1;
  const channelShift = oneAxis ? settings.channelShift : 0;
  return settings.timeShift > 0 || channelShift > 0 ? { timeShift: settings.timeShift, channelShift } : undefined;
}

function isPrepared(): boolean {
  return prepared !== null && useGraphStore.getState().graph === preparedGraph && useRunStore.getState().settings === preparedSettings;
}

async function ensurePrepared(): Promise<boolean> {
  if (isPrepared()) return true;
  const { graph } = useGraphStore.getState();
  const { settings } = useRunStore.getState();
  if (!settings.dataset) {
    fail('Pick a dataset in the Run panel first.');
    return false;
  }
  const live = useLiveStore.getState();
  if (resumeStep === 0) live.clear(); // a resumed run keeps its curves
  live.setPhase('preparing', 'Loading the dataset and compiling the network…');
  const started = generation;
  const result = await engine().api.prepare({
    graph, dataset: settings.dataset, T: settings.T, maxSamples: settings.maxSamples, batchLimit: settings.batchSize, resumeAt: resumeStep,
    config: {
      dt: settings.dt, batchSize: settings.batchSize, epochs: settings.epochs, lr: settings.lr, optimizer: settings.optimizer,
      surrogate: { name: settings.surrogate, slope: settings.slope }, loss: settings.loss, seed: settings.seed,
      augment: augmentOf(settings), microBatch: 'auto', ...optimisationConfigOf(settings),
    },
  }, Comlink.proxy(onProgress));
  if (started !== generation) return false;
  useLiveStore.getState().setTask(null);
  if (!result.ok) {
    prepared = null;
    fail(result.error.message, result.error.hint);
    return false;
  }
  prepared = result.value;
  preparedGraph = graph;
  resumeStep = 0;
  preparedSettings = settings;
  useLiveStore.getState().setPhase('paused', result.value.notice?.message ?? null);
  if (result.value.notice) showNotice(result.value.notice);
  return true;
}

/** Writes the session's trained parameters into the editor graph. */
async function takeTrainedWeights(): Promise<void> {
  const started = generation;
  const result = await engine().api.takeTrainedGraph();
  if (!result.ok || started !== generation) return;
  const { graph } = useGraphStore.getState();
  if (graph !== preparedGraph) return; // edited meanwhile: the person's edit wins
  const next = withTrainedParameters(graph, result.value);
  if (next === graph) return;
  if (!lineage || !holdsTrainedParameters(graph, lineage.initial, lineage.trained)) lineage = { initial: graph, trained: next };
  else lineage = { initial: lineage.initial, trained: next };
  useGraphStore.getState().edit((s) => ({ ...s, graph: next }));
  preparedGraph = next;
}

const BUSY = new Set(['training', 'pausing', 'preparing', 'simulating', 'evaluating']);

async function train(): Promise<void> {
  const { phase } = useLiveStore.getState();
  if (BUSY.has(phase)) return;
  const started = generation;
  if (phase === 'done' && isPrepared()) {
    const extended = await engine().api.extend(); // Continue: another round of epochs, same session
    if (!extended.ok) return fail(extended.error.message, extended.error.hint);
    prepared = extended.value;
  } else if (!(await ensurePrepared())) return;
  if (started !== generation) return;
  const live = useLiveStore.getState();
  live.setPhase('training');
  live.startSpeed();
  startCheckpointing();
  const result = await engine().api.train(Comlink.proxy(onFrame)).finally(stopCheckpointing);
  if (started !== generation) return;
  useLiveStore.getState().setTask(null);
  if (!result.ok) return fail(result.error.message, result.error.hint); // the checkpoint stays for a reload
  await takeTrainedWeights();
  if (started === generation) forgetCheckpoints(); // the weights are in the graph (autosaved)
  const { finished, notice } = result.value;
  const epochs = prepared ? Math.round(prepared.totalSteps / Math.max(1, prepared.stepsPerEpoch)) : 0;
  if (prepared) prepared = { ...prepared, stepsDone: result.value.stepsDone };
  useLiveStore.getState().setPhase(finished ? 'done' : 'paused', finished ? `All ${epochs} epochs done.` : (notice?.message ?? null));
}

async function pause(): Promise<void> {
  const { phase } = useLiveStore.getState();
  if (phase === 'training') useLiveStore.getState().setPhase('pausing', 'Pausing at the next step boundary…');
  await engine().api.pause();
}

async function step(): Promise<void> {
  const { phase } = useLiveStore.getState();
  if (BUSY.has(phase) || !(await ensurePrepared())) return;
  const started = generation;
  useLiveStore.getState().setPhase('training');
  const result = await engine().api.step(Comlink.proxy(onFrame));
  if (started !== generation) return;
  useLiveStore.getState().setTask(null);
  if (!result.ok) return fail(result.error.message, result.error.hint);
  applyFrame(result.value);
  await takeTrainedWeights();
  const last = result.value.steps[result.value.steps.length - 1];
  const done = last !== undefined && last.step >= last.totalSteps;
  useLiveStore.getState().setPhase(done ? 'done' : 'paused', done ? `All ${Math.round(last.totalSteps / Math.max(1, last.stepsPerEpoch))} epochs done.` : (result.value.notice?.message ?? null));
}

/** Stops any run, clears it, and puts the untrained weights back into the graph. */
async function reset(): Promise<void> {
  const { graph, restored } = await stopRun();
  if (restored) useGraphStore.getState().edit((s) => ({ ...s, graph }));
  useLiveStore.getState().setPhase('idle', restored
    ? 'Weights reset to their values before training (Undo brings the trained ones back); the next run starts from the initial loss.'
    : 'Run cleared. The weights had not been trained, so they stay as they are.');
}

/** Stops any run, clears it, and draws fresh synaptic weights from the seed (one undo step). */
async function reinitialise(): Promise<void> {
  const { graph } = await stopRun();
  const { seed } = useRunStore.getState().settings;
  const fresh = reinitialisedGraph(graph, seed);
  if (fresh.layers.length === 0) {
    useLiveStore.getState().setPhase('idle', 'Run cleared. This graph has no weights to re-initialise (no Affine, Linear or Conv layer).');
    return;
  }
  useGraphStore.getState().edit((s) => ({ ...s, graph: fresh.graph }));
  useLiveStore.getState().setPhase('idle', `Weights re-initialised from seed ${seed}: ${fresh.layers.join(', ')} drawn afresh, uniform ±g/√fan-in at each layer's scale, biases 0 (Undo brings the previous ones back).`);
}

/**
 * Reset and Re-initialise begin alike: the run stops and is cleared, and the graph with its
 * untrained weights is worked out (`restored`: training had written into it); neither is written yet.
 */
async function stopRun(): Promise<{ graph: NirGraph; restored: boolean }> {
  generation++;
  resumeStep = 0;
  forgetCheckpoints();
  await engine().api.reset();
  prepared = null;
  preparedGraph = null;
  const { graph } = useGraphStore.getState();
  const restored = lineage !== null && holdsTrainedParameters(graph, lineage.initial, lineage.trained);
  const untrained = restored ? withUntrainedParameters(graph, lineage!.initial, lineage!.trained) : graph;
  lineage = null;
  useLiveStore.getState().clear();
  return { graph: untrained, restored };
}

/**
 * Stops and forgets the run of the graph that is being replaced (a file, a template or New opens):
 * the worker's session, the curves and the recorded sample go; nothing is written to any graph.
 */
async function discard(): Promise<void> {
  generation++;
  resumeStep = 0;
  forgetCheckpoints();
  prepared = null;
  preparedGraph = null;
  lineage = null;
  useLiveStore.getState().clear();
  await engine().api.reset();
}

/** Records one test sample without training (simulate-only mode, or to look at another sample, also while training). */
async function simulate(index = 0): Promise<void> {
  const { phase } = useLiveStore.getState();
  if (phase === 'training') {
    const result = await engine().api.simulate(index); // served between steps; later records follow this sample
    if (result.ok) useLiveStore.getState().setRecord(result.value);
    return;
  }
  if (BUSY.has(phase) || !(await ensurePrepared())) return;
  const started = generation;
  const before = useLiveStore.getState().phase;
  useLiveStore.getState().setPhase('simulating');
  const result = await engine().api.simulate(index);
  if (started !== generation) return;
  if (!result.ok) return fail(result.error.message, result.error.hint);
  useLiveStore.getState().setRecord(result.value);
  useLiveStore.getState().setPhase(before === 'done' ? 'done' : 'paused');
}

/** Runs the test split through the current network: accuracy and the confusion matrix. */
async function evaluate(): Promise<void> {
  const { phase } = useLiveStore.getState();
  if (BUSY.has(phase) || !(await ensurePrepared())) return;
  const started = generation;
  const before = useLiveStore.getState().phase;
  useLiveStore.getState().setPhase('evaluating');
  const result = await engine().api.evaluate(Comlink.proxy(onProgress));
  if (started !== generation) return;
  const live = useLiveStore.getState();
  live.setTask(null);
  const back = before === 'done' ? 'done' : 'paused';
  if (!result.ok) {
    if (result.error.code === 'RUN_STOPPED') return live.setPhase(back, 'Evaluation stopped.');
    return fail(result.error.message, result.error.hint);
  }
  live.setEvaluation({ ...result.value, step: live.progress?.step ?? 0 });
  live.setPhase(back);
}

/**
 * Forgets the run's state after the engine was lost (its session went with it): the prepared run,
 * the graphs Reset would restore, any resumed step; commands still under way drop their results.
 * The curves and the graph stay; ./engineRecovery.ts says what happened.
 */
export function forgetRun(): void {
  generation++;
  prepared = null;
  preparedGraph = null;
  preparedSettings = null;
  lineage = null;
  resumeStep = 0;
  stopCheckpointing();
}

/**
 * A checkpoint's weights were written into the graph (`before` → `after`): Reset puts `before`'s
 * back, and the next session continues the schedule at `step`, keeping the curves.
 */
export function noteResumed(before: NirGraph, after: NirGraph, step: number): void {
  generation++;
  prepared = null;
  preparedGraph = null;
  if (after !== before) {
    const keepsInitial = lineage && holdsTrainedParameters(before, lineage.initial, lineage.trained);
    lineage = { initial: keepsInitial && lineage ? lineage.initial : before, trained: after };
  }
  resumeStep = step;
}

/**
 * Runs a command; anything thrown (a lost worker) becomes the run's error instead of a silent
 * stall.
 */
function guarded<A extends unknown[]>(command: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await command(...args);
    } catch (error) {
      // Cut short by the engine stopping: the recovery says so, unless no new engine could be started.
      if (error instanceof EngineStoppedError && useEngineStore.getState().status.phase !== 'failed') return;
      fail(`The engine did not answer: ${error instanceof Error ? error.message : String(error)}.`, 'Press Reset, then try again; reload the page if it repeats.');
    }
  };
}

export const runCommands = {
  train: guarded(train), pause: guarded(pause), step: guarded(step), reset: guarded(reset), reinitialise: guarded(reinitialise), discard: guarded(discard), simulate: guarded(simulate), evaluate: guarded(evaluate),
  toggle: () => {
    const { phase } = useLiveStore.getState();
    if (phase === 'training') return void runCommands.pause();
    return void (useRunStore.getState().settings.simulateOnly ? runCommands.simulate() : runCommands.train());
  },
};
