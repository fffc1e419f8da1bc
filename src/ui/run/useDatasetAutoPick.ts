/**
 * When the graph changes and the chosen dataset no longer fits, pick the cheapest shipped set
 * that does (fewest values per sample), or none (the Run panel then says what would fit). A
 * dataset of the person's own (dropped files) that fits stays chosen; its list is awaited first,
 * so a restored workspace keeps it.
 */
import { useEffect } from 'react';
import { isOwnDatasetId } from '../../engine/datasets/own/ownDataset';
import { useDatasetStore } from '../state/datasetStore';
import { useOwnDatasets } from '../state/ownDatasets';
import { useGraphStore } from '../state/graphStore';
import { useRunStore } from '../state/runStore';
import { fittingSets } from './datasetFit';

export function useDatasetAutoPick(): void {
  const graph = useGraphStore((s) => s.graph);
  const sets = useDatasetStore((s) => s.sets);
  const own = useOwnDatasets((s) => s.sets);
  const ownLoaded = useOwnDatasets((s) => s.loaded);
  useEffect(() => {
    if (sets.length === 0) return;
    const fitting = fittingSets(sets, graph);
    const { settings, update } = useRunStore.getState();
    if (settings.dataset && fitting.some((s) => s.id === settings.dataset)) return;
    if (isOwnDatasetId(settings.dataset) && (!ownLoaded || fittingSets(own, graph).some((s) => s.id === settings.dataset))) return;
    const cost = (s: (typeof fitting)[number]) => (s.T ?? s.defaultT ?? 32) * s.featureShape.reduce((a, b) => a * b, 1);
    const best = [...fitting].sort((a, b) => cost(a) - cost(b))[0];
    const patch: Parameters<typeof update>[0] = { dataset: best?.id ?? null };
    if (best?.kind === 'images' && best.defaultT) patch.T = best.defaultT;
    update(patch);
  }, [graph, sets, own, ownLoaded]);
}
