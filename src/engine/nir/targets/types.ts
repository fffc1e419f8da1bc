/**
 * Saving for a peer: the NIR tools people move to (snnTorch, Norse) read some NIR files wrong
 * (their importers' own limits, docs/peers.md). A target rewrites the same network into the form
 * its importer reads exactly — the same discrete-time neuron constants (β, α, input gains, bias,
 * threshold, reset) at the dt the importer assumes — or says why it cannot.
 */
import type { NirGraph } from '../../graph/types';

export type ExportTargetId = 'nir' | 'snntorch' | 'norse';

export interface ExportTarget {
  id: ExportTargetId;
  label: string;
  /** How the peer loads the file (shown in the dialog and the CLI). */
  load: string;
  /** The dt (seconds) the peer's importer assumes; null for plain NIR (the graph's own dt is kept). */
  dt: number | null;
}

/** One thing the rewrite changed or cannot do, about one node where there is one. */
export interface TargetNote {
  node?: string;
  message: string;
}

export interface ExportPlan {
  target: ExportTarget;
  /** The rewritten network (flat, names as the peer gets them); absent when refused. */
  graph?: NirGraph;
  /** dt of the rewritten network, in seconds (the target's, or the graph's own for plain NIR). */
  dt: number;
  /** What was rewritten (e.g. "r folded into fc1's weights", "time rescaled to dt = 0.1 ms"). */
  changes: TargetNote[];
  /** What the target cannot express; any entry means nothing is written. */
  refusals: TargetNote[];
  /** Lab node name → name in the written file, where they differ. */
  renamed: Record<string, string>;
}
