/**
 * What the page does once a dead engine was replaced (../worker/engine.ts): the run's state went with
 * the old worker, so it is forgotten; the graph stays in the editor's store; the newest checkpoint
 * of the run under way (./checkpointing.ts) is put back, weights and curves; and the page says so.
 */
import { useLiveStore } from '../state/liveStore';
import { useUiStore } from '../state/uiStore';
import { latestCheckpoint } from './checkpointing';
import { resumeFrom } from './resumeCheckpoint';
import { forgetRun } from './runCommands';

export function recoverFromLostEngine(reason: string): void {
  forgetRun();
  const checkpoint = latestCheckpoint();
  const said = checkpoint
    ? `The engine stopped (${reason}). Started a new one; your graph and the weights of step ${checkpoint.progress.step} are kept.`
    : `The engine stopped (${reason}). Started a new one; your graph is kept.`;
  if (checkpoint) resumeFrom(checkpoint, said);
  else useLiveStore.getState().setPhase(useLiveStore.getState().progress ? 'paused' : 'idle', said);
  useLiveStore.getState().setTask(null);
  useUiStore.getState().notify('warn', said, checkpoint ? 'Press Train to carry on from that step.' : 'Press Train to start again.');
}
