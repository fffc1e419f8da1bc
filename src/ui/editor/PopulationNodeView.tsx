/**
 * One population on the canvas: type, name, size and in/out shapes, coloured by category; with a
 * recorded sample, its state at the time cursor (NodeCursorState.tsx), also as data attributes
 * (data-cursor-step, data-spikes-at-cursor, data-membrane-at-cursor).
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useLiveStore } from '../state/liveStore';
import type { PopulationNode } from './flowModel';
import { NodeCursorState } from './NodeCursorState';
import { useNodeAtCursor } from './useNodeAtCursor';

/** The layer's latest firing rate while training (each node subscribes to its own value only). */
function RateBar({ name }: { name: string }) {
  const rate = useLiveStore((s) => s.progress?.rates[name]);
  if (rate === undefined) return null;
  return (
    <div className="population-rate" title={`Firing rate: ${rate.toFixed(3)} spikes per neuron per step`}>
      <span style={{ width: `${Math.min(100, rate * 100)}%` }} />
      <small>rate {rate.toFixed(3)}</small>
    </div>
  );
}

export const PopulationNodeView = memo(function PopulationNodeView({ data, selected }: NodeProps<PopulationNode>) {
  const { name, type, category, size, input, output, problem } = data;
  const atCursor = useNodeAtCursor(name, type);
  return (
    <div
      className={`population cat-${category}${selected ? ' selected' : ''}${problem ? ' has-problem' : ''}`}
      data-testid={`node-${name}`}
      data-node-type={type}
      data-cursor-step={atCursor?.t}
      data-spikes-at-cursor={atCursor?.spikes ?? undefined}
      data-membrane-at-cursor={atCursor?.meanMembrane?.toFixed(4)}
      title={problem ?? `${type} ${name}: ${input} → ${output}`}
    >
      {type !== 'Input' && <Handle type="target" position={Position.Left} id="in" />}
      <div className="population-head">
        <span className="population-type">{type}</span>
        <span className="population-name">{name}</span>
      </div>
      <div className="population-size">{size}</div>
      <div className="population-shapes">{type === 'Input' ? output : type === 'Output' ? input : `${input} → ${output}`}</div>
      <RateBar name={name} />
      {atCursor && <NodeCursorState state={atCursor} input={type === 'Input'} />}
      {problem && <div className="population-problem" role="note">⚠ {problem}</div>}
      {type !== 'Output' && <Handle type="source" position={Position.Right} id="out" />}
    </div>
  );
});
