/**
 * Neuron options NIR cannot express (kept in the node's `spikelab` metadata): reset mode, whether
 * the spike reads the membrane before or after the update, and the integration scheme.
 */
import { useId } from 'react';
import { neuronOptions, withNeuronOptions, type NeuronOptions } from '../../engine/graph/labMetadata';
import type { NirNode } from '../../engine/graph/types';

const CHOICES = {
  reset: { label: 'reset', options: { to_reset: 'to v_reset (NIR, Norse)', subtract: 'subtract θ (snnTorch, Spyx)' } },
  spikeFrom: { label: 'spike from', options: { post: 'updated membrane (NIR)', pre: 'previous membrane (Spyx)' } },
  integration: { label: 'integration', options: { euler: 'forward Euler (exporters)', exact: 'exact exponential' } },
} as const;

type Key = keyof typeof CHOICES;

const SPIKING = new Set(['IF', 'LIF', 'CubaLIF']);
const LEAKY = new Set(['LI', 'LIF', 'CubaLI', 'CubaLIF']);

function Choice({ name, value, onChange }: { name: Key; value: string; onChange(v: string): void }) {
  const id = useId();
  const { label, options } = CHOICES[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {Object.entries(options).map(([k, text]) => <option key={k} value={k}>{text}</option>)}
      </select>
    </div>
  );
}

export function hasNeuronOptions(node: NirNode): boolean {
  return SPIKING.has(node.type) || LEAKY.has(node.type);
}

export function NeuronOptionsEditor({ node, update }: { node: NirNode; update(n: NirNode): void }) {
  const options = neuronOptions(node);
  const set = (patch: Partial<NeuronOptions>) => update(withNeuronOptions(node, patch));
  return (
    <section aria-label="Neuron options">
      <h3>Neuron options</h3>
      {SPIKING.has(node.type) && <Choice name="reset" value={options.reset} onChange={(v) => set({ reset: v as NeuronOptions['reset'] })} />}
      {SPIKING.has(node.type) && <Choice name="spikeFrom" value={options.spikeFrom} onChange={(v) => set({ spikeFrom: v as NeuronOptions['spikeFrom'] })} />}
      {LEAKY.has(node.type) && <Choice name="integration" value={options.integration} onChange={(v) => set({ integration: v as NeuronOptions['integration'] })} />}
    </section>
  );
}
