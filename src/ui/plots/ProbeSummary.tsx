/**
 * What is being recorded, in one line under the time cursor: "every neuron of every population",
 * or each probed population with its selection (a button that selects it, so the inspector's
 * Record section edits it), and a note when the probes changed after the shown sample was taken.
 */
import { hasKey } from '../../engine/core/records';
import { describeSelection, type Probe } from '../../engine/train/probes';
import { useGraphStore } from '../state/graphStore';
import { useProbeStore } from '../state/probes';

function signals(probe: Probe): string {
  if (!probe.enabled) return 'not recorded';
  const kept = [probe.spikes && 'spikes', probe.membrane && 'membrane'].filter(Boolean);
  return kept.length === 0 ? 'nothing kept' : kept.length === 2 ? describeSelection(probe.neurons) : `${describeSelection(probe.neurons)} · ${kept[0]} only`;
}

export function ProbeSummary() {
  const probes = useProbeStore((s) => s.probes);
  const recordedWith = useProbeStore((s) => s.recordedWith);
  const nodes = useGraphStore((s) => s.graph.nodes);
  const select = useGraphStore((s) => s.select);
  const entries = Object.entries(probes);
  const stale = recordedWith !== null && recordedWith !== probes;
  return (
    <p className="probe-summary" data-probes={entries.length}>
      <span className="muted">Recording:</span>{' '}
      {entries.length === 0 && <span>every neuron of every population</span>}
      {entries.map(([name, probe]) => (
        <button key={name} type="button" className="probe-chip" title={hasKey(nodes, name) ? `Select ${name} to change what is recorded` : `${name} (inside a subgraph)`}
          onClick={() => hasKey(nodes, name) && select({ nodes: [name], edges: [] })}>
          <b>{name}</b> {signals(probe)}
        </button>
      ))}
      {entries.length > 0 && <span className="muted"> · the rest whole</span>}
      {stale && <span className="probe-stale" role="note"> · changed: Simulate or Step to record with it</span>}
    </p>
  );
}
