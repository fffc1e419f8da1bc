/** The save targets (./types.ts): plain NIR as the spec reads it, and one per peer importer. */
import { SpikelabError } from '../../core/errors';
import type { NirGraph } from '../../graph/types';
import { NORSE, forNorse } from './norse';
import { SNNTORCH, forSnnTorch } from './snntorch';
import type { ExportPlan, ExportTarget, ExportTargetId } from './types';

export type { ExportPlan, ExportTarget, ExportTargetId, TargetNote } from './types';

export const PLAIN_NIR: ExportTarget = { id: 'nir', label: 'NIR', load: 'nir.read(path) — any NIR tool that follows the spec', dt: null };

export const EXPORT_TARGETS: readonly ExportTarget[] = [PLAIN_NIR, SNNTORCH, NORSE];

export function isExportTargetId(value: string): value is ExportTargetId {
  return EXPORT_TARGETS.some((t) => t.id === value);
}

/** The network as `target` should get it (`dt`: the graph's step, in its own time unit). */
export function planExport(graph: NirGraph, dt: number, target: ExportTargetId): ExportPlan {
  if (target === 'snntorch') return forSnnTorch(graph, dt);
  if (target === 'norse') return forNorse(graph, dt);
  return { target: PLAIN_NIR, graph, dt, changes: [], refusals: [], renamed: {} };
}

/** The refusal of a plan that has no graph: every node the target cannot read right, and why. */
export function cannotExpress(plan: ExportPlan): SpikelabError {
  return new SpikelabError('NIR_TARGET_CANNOT_EXPRESS',
    `${plan.target.label} cannot read this network right: ${plan.refusals.map((r) => `${r.node ? `"${r.node}" ` : ''}${r.message}`).join(' ')}`,
    'Change those nodes in the lab, or save as plain NIR for tools that follow the spec.');
}
