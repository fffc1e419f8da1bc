/** SynOps, MACs and energy of the shown sample (../../engine/analysis/hardwareCounts.ts), or null before a run. */
import { useMemo } from 'react';
import { hardwareCounts, type HardwareCounts } from '../../engine/analysis/hardwareCounts';
import { useEnergyModel } from '../state/energyModel';
import { useGraphStore } from '../state/graphStore';
import { useRunStore } from '../state/runStore';
import { useShownRecord } from './useShownRecord';

export function useHardwareCounts(): HardwareCounts | null {
  const record = useShownRecord();
  const graph = useGraphStore((s) => s.graph);
  const dt = useRunStore((s) => s.settings.dt);
  const model = useEnergyModel((s) => s.model);
  return useMemo(() => {
    if (!record) return null;
    try {
      return hardwareCounts(graph, record, dt, model);
    } catch {
      return null; // a graph edited into an invalid state since the record: nothing to count
    }
  }, [record, graph, dt, model]);
}

/** "1.23 M", "456 k", "789" */
export function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toPrecision(3)} G`;
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)} M`;
  if (n >= 1e4) return `${(n / 1e3).toPrecision(3)} k`;
  return n >= 100 ? String(Math.round(n)) : n.toPrecision(3).replace(/\.?0+$/, '');
}

/** Energy in pJ, written in the unit that reads best (pJ, nJ, µJ). */
export function formatEnergy(pj: number): string {
  if (pj >= 1e6) return `${(pj / 1e6).toPrecision(3)} µJ`;
  if (pj >= 1e3) return `${(pj / 1e3).toPrecision(3)} nJ`;
  return `${pj.toPrecision(3)} pJ`;
}
