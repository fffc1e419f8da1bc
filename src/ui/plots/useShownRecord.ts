/** The recorded sample to plot: the live record while it belongs to the graph on the canvas, else none. */
import { useMemo } from 'react';
import type { SimulationRecord } from '../../engine/train/types';
import { analyse } from '../state/analysis';
import { useGraphStore } from '../state/graphStore';
import { useLiveStore } from '../state/liveStore';
import { recordFitsGraph } from './recordFit';

export function useShownRecord(): SimulationRecord | null {
  const record = useLiveStore((s) => s.record);
  const graph = useGraphStore((s) => s.graph);
  return useMemo(() => (record && recordFitsGraph(record, graph, analyse(graph).shapes) ? record : null), [record, graph]);
}
