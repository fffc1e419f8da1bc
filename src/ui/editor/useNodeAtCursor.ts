/**
 * A canvas node's state at the time cursor, from the shown sample: a population's spikes in that
 * step and its membranes (../plots/stateAtStep.ts), the Input's active features; null for other
 * nodes, when nothing of the node was recorded, or with no sample shown.
 */
import { useMemo } from 'react';
import { PRIMITIVES } from '../../engine/graph/primitives';
import type { NodeType } from '../../engine/graph/types';
import { inputStateAt, layerStateAt, type StateAtStep } from '../plots/stateAtStep';
import { useShownRecord } from '../plots/useShownRecord';
import { useTimeCursor } from '../state/timeCursor';

export function useNodeAtCursor(name: string, type: NodeType): StateAtStep | null {
  const record = useShownRecord();
  const shows = type === 'Input' || PRIMITIVES[type].category === 'neuron';
  const t = useTimeCursor((s) => (shows ? s.t : 0)); // other nodes do not redraw as the cursor moves
  return useMemo(() => {
    if (!record || !shows) return null;
    const step = Math.min(t, record.T - 1);
    if (type === 'Input') return inputStateAt(record, step);
    const layer = record.layers.find((l) => l.name === name);
    return layer ? layerStateAt(layer, record.T, step) : null;
  }, [record, t, name, type, shows]);
}
