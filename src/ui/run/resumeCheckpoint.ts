/**
 * Resumes a checkpointed run: its weights go into the editor's graph (one undo step), its curves
 * and step back into the live store, and the next Train continues its schedule from that step
 * (./runCommands.ts noteResumed).
 */
import { useGraphStore } from '../state/graphStore';
import { useLiveStore } from '../state/liveStore';
import type { TrainingCheckpoint } from '../state/trainingCheckpoint';
import { noteResumed } from './runCommands';
import { withTrainedParameters } from './trainedWeights';

/** Applies `checkpoint`; `message` is what the run panel says afterwards. */
export function resumeFrom(checkpoint: TrainingCheckpoint, message: string): void {
  const before = useGraphStore.getState().graph;
  const after = withTrainedParameters(before, checkpoint.graph);
  if (after !== before) useGraphStore.getState().edit((s) => ({ ...s, graph: after }));
  noteResumed(before, after, checkpoint.progress.step);
  const live = useLiveStore.getState();
  live.clear();
  useLiveStore.setState({ steps: checkpoint.steps, epochs: checkpoint.epochs, progress: checkpoint.progress });
  live.setPhase('paused', message);
}
