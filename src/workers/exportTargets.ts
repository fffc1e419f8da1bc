/** Saving for a peer, as the worker answers it: the engine's plan, previewed or written. */
import { SpikelabError } from '../engine/core/errors';
import type { NirGraph } from '../engine/graph/types';
import { cannotExpress, planExport, type ExportPlan, type ExportTargetId } from '../engine/nir/targets/index';
import type { ExportPreview } from './api';

function planFor(graph: NirGraph, target: ExportTargetId, dt: number | undefined): ExportPlan {
  if (!(dt !== undefined && dt > 0)) throw new SpikelabError('NIR_TARGET_NO_DT', 'Saving for a peer needs the network\'s dt.', 'Set dt in the Run panel, then save again.');
  return planExport(graph, dt, target);
}

export function previewExport(graph: NirGraph, target: ExportTargetId, dt: number): ExportPreview {
  const plan = planFor(graph, target, dt);
  return { target: plan.target.id, label: plan.target.label, load: plan.target.load, dt: plan.dt, changes: plan.changes, refusals: plan.refusals, renamed: plan.renamed };
}

/** The rewritten graph, or NIR_TARGET_CANNOT_EXPRESS naming every node the target cannot read right. */
export function graphForTarget(graph: NirGraph, target: ExportTargetId, dt: number | undefined): NirGraph {
  const plan = planFor(graph, target, dt);
  if (plan.graph) return plan.graph;
  throw cannotExpress(plan);
}
