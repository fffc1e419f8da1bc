/** The selected node's hardware counts for the shown sample: a population's spikes and rate, a layer's SynOps against ANN MACs. */
import { formatCount, formatEnergy, useHardwareCounts } from '../plots/useHardwareCounts';
import { useEnergyModel } from '../state/energyModel';

export function NodeCounts({ name, timeUnit }: { name: string; timeUnit: string }) {
  const counts = useHardwareCounts();
  const model = useEnergyModel((s) => s.model);
  if (!counts) return null;
  const population = counts.populations.find((p) => p.name === name);
  const layers = counts.layers.filter((l) => l.layer === name);
  if (!population && layers.length === 0) return null;
  const synOps = layers.reduce((a, l) => a + l.synOps, 0);
  const macs = layers.reduce((a, l) => a + l.annMacs, 0);
  const dense = layers.some((l) => l.drive === 'dense');
  return (
    <section aria-label="Hardware counts of this node">
      <h3>Hardware counts (this sample)</h3>
      <dl className="shapes">
        {population && <>
          <dt>spikes</dt><dd>{formatCount(population.spikes)} ({population.spikesPerNeuron.toPrecision(3)} per neuron)</dd>
          <dt>rate</dt><dd>{population.rate.toPrecision(3)} {timeUnit === 'step' ? 'per step' : 'Hz'}</dd>
        </>}
        {layers.length > 0 && <>
          <dt>SynOps</dt><dd>{dense ? 'dense input' : formatCount(synOps)}</dd>
          <dt>ANN MACs</dt><dd>{formatCount(macs)}</dd>
          <dt>energy</dt><dd>{formatEnergy(dense ? macs * model.macPj : synOps * model.acPj)} vs {formatEnergy(macs * model.macPj)} (ANN)</dd>
        </>}
      </dl>
    </section>
  );
}
