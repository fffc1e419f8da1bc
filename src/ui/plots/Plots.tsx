/** The plots row: the time cursor's bar, then raster, membrane traces, training curves, input, firing rates, hardware counts, surrogate gradient. */
import { FiringRates } from './FiringRates';
import { HardwareCounts } from './HardwareCounts';
import { InputView } from './InputView';
import { MembraneTraces } from './MembraneTraces';
import { SpikeRaster } from './SpikeRaster';
import { TimeCursorBar } from './TimeCursorBar';
import { SurrogateDiagnostics } from './SurrogateDiagnostics';
import { TrainingCurves } from './TrainingCurves';

export function Plots() {
  return (
    <div className="plots">
      <TimeCursorBar />
      <SpikeRaster />
      <MembraneTraces />
      <TrainingCurves />
      <InputView />
      <FiringRates />
      <HardwareCounts />
      <SurrogateDiagnostics />
    </div>
  );
}
