/**
 * A problem found in a graph, reported on the node or edge concerned. Codes are stable:
 *  GRAPH_SHAPE_MISMATCH   an edge joins an output and an input of different shapes
 *  GRAPH_SHAPE_UNKNOWN    a node's shape cannot be inferred (no Input upstream, no parameters)
 *  GRAPH_BAD_PARAMETER    parameter shapes disagree, or a value is out of range (τ ≤ 0, stride 0…)
 *  GRAPH_NON_FINITE       a parameter holds NaN or ±Infinity
 *  GRAPH_DANGLING_EDGE    an edge names a node that does not exist
 *  GRAPH_ALGEBRAIC_LOOP   a cycle with no stateful node (no neuron or delay) to break it
 *  GRAPH_UNKNOWN_TYPE     a node type outside NIR's 19
 *  GRAPH_NO_INPUT / GRAPH_NO_OUTPUT   nothing feeds the network / nothing reads it
 *  GRAPH_TOO_LARGE        parameters or activations would not fit in memory
 *  GRAPH_UNSUPPORTED      valid NIR the engine cannot run yet (said which and why)
 * (all codes: src/engine/core/errorCodes.ts)
 */
import type { GraphErrorCode } from '../core/errorCodes';

export interface Problem {
  code: GraphErrorCode;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  node?: string;
  edge?: [string, string];
}

export function problem(code: GraphErrorCode, message: string, hint: string, at: { node?: string; edge?: [string, string] } = {}, severity: Problem['severity'] = 'error'): Problem {
  return { code, severity, message, hint, ...at };
}

