/**
 * Play / Pause / Step / Reset and simulate, driving the worker's session. A session is prepared
 * on demand and again whenever the graph or the settings changed since (Playground: every
 * change resets). Frames land in the live store; when training stops, the trained weights are
 * written into the editor's graph (one undo step), so Save NIR saves them.
 */
import * as Comlink from 'comlink';
import type { NirGraph } from '../../engine/graph/types';
import type { PreparedRun, RunFrame } from '../../workers/api';
import { engine } from '../app/engine';
import { useDatasetStore } from '../state/datasetStore';
import { useGraphStore } from '../state/graphStore';
import { useLiveStore } from '../state/liveStore';
import { useRunStore, type RunSettings } from '../state/runStore';
import { withTrainedParameters } from './trainedWeights';

let preparedGraph: NirGraph | null = null;
let preparedSettings: RunSettings | null = null;
let prepared: PreparedRun | null = null;

export function preparedRun(): PreparedRun | null {
  return prepared;
}

function fail(message: string, hint?: string): void {
  useLiveStore.getState().setPhase('error', hint ? `${message} ${hint}` : message);
}

function onFrame(frame: RunFrame): void {
  const live = useLiveStore.getState();
  live.addSteps(frame.steps);
  if (frame.epoch) live.addEpoch(frame.epoch);
  if (frame.record) live.setRecord(frame.record);
}

/** The shift augmentation the settings ask for; channel shifts only where the set has one feature axis (the form shows 0 otherwise). */
function augmentOf(settings: RunSettings): { timeShift: number; channelShift: number } | undefined {
  const oneAxis = useDatasetStore.getState().sets.find((s) => s.id === settings.dataset)?.featureShape.length === 1;
  const channelShift = oneAxis ? settings.channelShift : 0;
  return settings.timeShift > 0 || channelShift > 0 ? { timeShift: settings.timeShift, channelShift } : undefined;
}

async function ensurePrepared(): Promise<boolean> {
  const { graph } = useGraphStore.getState();
  const { settings } = useRunStore.getState();
  if (prepared && graph === preparedGraph && settings === preparedSettings) return true;
  if (!settings.dataset) {
    fail('Pick a dataset in the Run panel first.');
    return false;
  }
  const live = useLiveStore.getState();
  live.clear();
  live.setPhase('preparing', 'Loading the dataset and compiling the network…');
  const result = await engine().api.prepare({
    graph, dataset: settings.dataset, T: settings.T, maxSamples: settings.maxSamples, batchLimit: settings.batchSize,
    config: {
      dt: settings.dt, batchSize: settings.batchSize, epochs: settings.epochs, lr: settings.lr, optimizer: settings.optimizer,
      surrogate: { name: settings.surrogate, slope: settings.slope }, loss: settings.loss, seed: settings.seed,
      augment: augmentOf(settings),
    },
  });
  if (!result.ok) {
    prepared = null;
    fail(result.error.message, result.error.hint);
    return false;
  }
  prepared = result.value;
  preparedGraph = graph;
  preparedSettings = settings;
  useLiveStore.getState().setPhase('paused');
  return true;
}

/** Writes the session's trained parameters into the editor graph. */
async function takeTrainedWeights(): Promise<void> {
  const result = await engine().api.takeTrainedGraph();
  if (!result.ok) return;
  const { graph } = useGraphStore.getState();
  if (graph !== preparedGraph) return; // edited meanwhile: the person's edit wins
  const next = withTrainedParameters(graph, result.value);
  useGraphStore.getState().edit((s) => ({ ...s, graph: next }));
  preparedGraph = next;
}

async function train(): Promise<void> {
  const phase = useLiveStore.getState().phase;
  if (phase === 'training' || phase === 'preparing') return;
  if (phase === 'done') prepared = null; // train again, from the trained weights
  if (!(await ensurePrepared())) return;
  useLiveStore.getState().setPhase('training');
  const result = await engine().api.train(Comlink.proxy(onFrame));
  if (!result.ok) return fail(result.error.message, result.error.hint);
  await takeTrainedWeights();
  useLiveStore.getState().setPhase(result.value.finished ? 'done' : 'paused');
}

async function pause(): Promise<void> {
  await engine().api.pause();
}

async function step(): Promise<void> {
  const phase = useLiveStore.getState().phase;
  if (phase === 'training' || phase === 'preparing' || !(await ensurePrepared())) return;
  const result = await engine().api.step();
  if (!result.ok) return fail(result.error.message, result.error.hint);
  onFrame(result.value);
  await takeTrainedWeights();
  useLiveStore.getState().setPhase('paused');
}

async function reset(): Promise<void> {
  await engine().api.reset();
  prepared = null;
  preparedGraph = null;
  useLiveStore.getState().clear();
}

/** Records one test sample without training (simulate-only mode, or to look at another sample). */
async function simulate(index = 0): Promise<void> {
  const phase = useLiveStore.getState().phase;
  if (phase === 'training' || phase === 'preparing' || !(await ensurePrepared())) return;
  const result = await engine().api.simulate(index);
  if (!result.ok) return fail(result.error.message, result.error.hint);
  useLiveStore.getState().setRecord(result.value);
}

/** Runs a command; anything thrown (a lost worker) becomes the run's error instead of a silent stall. */
function guarded<A extends unknown[]>(command: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await command(...args);
    } catch (error) {
      fail(`The engine did not answer: ${error instanceof Error ? error.message : String(error)}.`, 'Press Reset, then try again; reload the page if it repeats.');
    }
  };
}

export const runCommands = {
  train: guarded(train), pause: guarded(pause), step: guarded(step), reset: guarded(reset), simulate: guarded(simulate),
  toggle: () => {
    const { phase } = useLiveStore.getState();
    if (phase === 'training') return void runCommands.pause();
    return void (useRunStore.getState().settings.simulateOnly ? runCommands.simulate() : runCommands.train());
  },
};
