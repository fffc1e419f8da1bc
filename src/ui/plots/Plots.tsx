/** The plots row: raster, membrane traces, training curves, input, firing rates. */
import { FiringRates } from './FiringRates';
import { InputView } from './InputView';
import { MembraneTraces } from './MembraneTraces';
import { SpikeRaster } from './SpikeRaster';
import { TrainingCurves } from './TrainingCurves';

export function Plots() {
  return (
    <div className="plots">
      <SpikeRaster />
      <MembraneTraces />
      <TrainingCurves />
      <InputView />
      <FiringRates />
    </div>
  );
}
