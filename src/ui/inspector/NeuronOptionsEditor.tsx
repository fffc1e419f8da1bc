/**
 * Neuron options NIR cannot express (kept in the node's `spikelab` metadata): reset mode, whether
 * the spike reads the membrane before or after the update, and the integration scheme; each
 * offered where the model's catalogue entry says it changes the model.
 */
import { useId } from 'react';
import { neuronOptions, withNeuronOptions, type NeuronOptions } from '../../engine/graph/labMetadata';
import { PRIMITIVES } from '../../engine/graph/primitives';
import type { NirNode } from '../../engine/graph/types';

const CHOICES = {
  reset: { label: 'reset', options: { to_reset: 'to v_reset (NIR, Norse)', subtract: 'subtract θ (snnTorch, Spyx)' } },
  spikeFrom: { label: 'spike from', options: { post: 'updated membrane (NIR)', pre: 'previous membrane (Spyx)' } },
  integration: { label: 'integration', options: { euler: 'forward Euler (exporters)', exact: 'exact exponential' } },
} as const;

type Key = keyof typeof CHOICES;

/** The options `node`'s model offers, in the order they are shown. */
function offered(node: NirNode): Key[] {
  const options = PRIMITIVES[node.type].neuron?.options ?? [];
  return (Object.keys(CHOICES) as Key[]).filter((key) => options.includes(key));
}

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
  return offered(node).length > 0;
}

export function NeuronOptionsEditor({ node, update }: { node: NirNode; update(n: NirNode): void }) {
  const options = neuronOptions(node);
  const set = (patch: Partial<NeuronOptions>) => update(withNeuronOptions(node, patch));
  return (
    <section aria-label="Neuron options">
      <h3>Neuron options</h3>
      {offered(node).map((key) => <Choice key={key} name={key} value={options[key]} onChange={(v) => set({ [key]: v } as Partial<NeuronOptions>)} />)}
    </section>
  );
}
