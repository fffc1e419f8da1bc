/**
 * Simulate with a stimulus: the graph on the canvas, the Run panel's stimulus and dt go to the
 * worker (EngineApi.simulateStimulus), which compiles a program of its own and records every
 * population; the record lands in the live store, so the raster, the membrane traces and the
 * input view draw it as they draw a dataset sample. Not while a run is busy; a training session,
 * if any, is left as it is. A result for a graph that was replaced meanwhile is dropped.
 */
import { STIMULUS_KINDS } from '../../engine/stimuli';
import { engine } from '../worker/engine';
import { useGraphStore } from '../state/graphStore';
import { useLiveStore, type RunPhase } from '../state/liveStore';
import { useRunStore, useStimulusStore } from '../state/runStore';
import { graphIo } from './datasetFit';
import { checkedStimulus } from './stimulusSpec';

const BUSY: ReadonlySet<RunPhase> = new Set(['training', 'pausing', 'preparing', 'simulating', 'evaluating']);

export async function simulateStimulus(): Promise<void> {
  const live = useLiveStore.getState();
  if (BUSY.has(live.phase)) return;
  const { graph } = useGraphStore.getState();
  const { dt } = useRunStore.getState().settings;
  const { stimulus } = useStimulusStore.getState();
  const input = graphIo(graph).input;
  if (!input) return live.setPhase('error', 'The graph has no Input node to drive. Add an Input with the shape of the stimulus.');
  const checked = checkedStimulus(stimulus, dt, input);
  if ('error' in checked) return live.setPhase('error', checked.error);
  const before = live.phase;
  const back: RunPhase = before === 'error' ? 'idle' : before;
  const what = `${STIMULUS_KINDS[stimulus.kind].label} for ${stimulus.T} steps`;
  live.setPhase('simulating', `${what}: simulating…`);
  try {
    const result = await engine().api.simulateStimulus(graph, checked.spec, stimulus.T, dt);
    if (useGraphStore.getState().graph !== graph) return useLiveStore.getState().setPhase(back);
    if (!result.ok) return useLiveStore.getState().setPhase('error', `${result.error.message} ${result.error.hint}`);
    const { setRecord, setPhase } = useLiveStore.getState();
    setRecord(result.value);
    const spikes = result.value.layers.reduce((n, l) => n + (l.spikes?.reduce((a, b) => a + b, 0) ?? 0), 0);
    setPhase(back, `${what} simulated: ${spikes} spike${spikes === 1 ? '' : 's'} in ${result.value.layers.length} population${result.value.layers.length === 1 ? '' : 's'}.`);
  } catch (error) {
    useLiveStore.getState().setPhase('error', `The engine did not answer: ${error instanceof Error ? error.message : String(error)}. Reload the page if it repeats.`);
  }
}
