/**
 * The offer to resume a run that a reload interrupted (its checkpoint was found at start-up):
 * Resume puts its weights and curves back; Discard forgets it.
 */
import { useResumeStore } from '../state/resumeStore';
import { describeInterruption } from '../state/trainingCheckpoint';
import { forgetCheckpoints } from './checkpointing';
import { resumeFrom } from './resumeCheckpoint';

export function ResumeOffer() {
  const offer = useResumeStore((s) => s.offer);
  const setOffer = useResumeStore((s) => s.setOffer);
  if (!offer) return null;
  const resume = () => {
    setOffer(null);
    resumeFrom(offer, `Resumed from step ${offer.progress.step}: its weights are in the graph (Undo takes them out); Train carries on from there.`);
  };
  const discard = () => {
    setOffer(null);
    forgetCheckpoints();
  };
  return (
    <div className="resume-offer" role="region" aria-label="Interrupted training">
      <span>{describeInterruption(offer)}</span>
      <button type="button" className="primary small" onClick={resume}>Resume from it</button>
      <button type="button" className="small" onClick={discard}>Discard</button>
    </div>
  );
}
