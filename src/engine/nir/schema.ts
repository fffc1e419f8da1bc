/**
 * The datasets each NIR node type holds (docs/specs/nir.md §5): `required` must be present
 * (the tolerant reader fills the documented defaults for `defaults`), `float` are the real-valued
 * parameters that must all share the node's shape. The writer emits exactly `required` keys plus
 * `defaults` keys (nir.md §9.2–§9.3), nothing else.
 */
import type { NodeType } from '../graph/types';

export interface NodeSchema {
  required: readonly string[];
  /** Keys the official reader defaults when absent (v_reset 0, w_in 1, Flatten dims/input_type). */
  defaults: readonly string[];
  /** Keys the constructor accepts but the writer never writes (ignored on read). */
  ignored: readonly string[];
  float: readonly string[];
}

const IO = ['input_type', 'output_type'];

export const SCHEMA: Record<Exclude<NodeType, 'NIRGraph'>, NodeSchema> = {
  Input: { required: ['shape'], defaults: [], ignored: ['input_type'], float: [] },
  Output: { required: ['shape'], defaults: [], ignored: ['output_type'], float: [] },
  Affine: { required: ['weight', 'bias'], defaults: [], ignored: IO, float: [] },
  Linear: { required: ['weight'], defaults: [], ignored: [], float: [] },
  Scale: { required: ['scale'], defaults: [], ignored: [], float: ['scale'] },
  Conv1d: { required: ['input_shape', 'weight', 'stride', 'padding', 'dilation', 'groups', 'bias'], defaults: [], ignored: IO, float: [] },
  Conv2d: { required: ['input_shape', 'weight', 'stride', 'padding', 'dilation', 'groups', 'bias'], defaults: [], ignored: [], float: [] },
  SumPool2d: { required: ['kernel_size', 'stride', 'padding'], defaults: [], ignored: IO, float: [] },
  AvgPool2d: { required: ['kernel_size', 'stride', 'padding'], defaults: [], ignored: [], float: [] },
  Flatten: { required: [], defaults: ['input_type', 'start_dim', 'end_dim'], ignored: ['output_type'], float: [] },
  Delay: { required: ['delay'], defaults: [], ignored: IO, float: ['delay'] },
  Threshold: { required: ['threshold'], defaults: [], ignored: IO, float: ['threshold'] },
  I: { required: ['r'], defaults: [], ignored: IO, float: ['r'] },
  IF: { required: ['r', 'v_threshold'], defaults: ['v_reset'], ignored: IO, float: ['r', 'v_threshold', 'v_reset'] },
  LI: { required: ['tau', 'r', 'v_leak'], defaults: [], ignored: IO, float: ['tau', 'r', 'v_leak'] },
  LIF: { required: ['tau', 'r', 'v_leak', 'v_threshold'], defaults: ['v_reset'], ignored: IO, float: ['tau', 'r', 'v_leak', 'v_threshold', 'v_reset'] },
  CubaLI: { required: ['tau_syn', 'tau_mem', 'r', 'v_leak'], defaults: ['w_in'], ignored: IO, float: ['tau_syn', 'tau_mem', 'r', 'v_leak', 'w_in'] },
  CubaLIF: {
    required: ['tau_syn', 'tau_mem', 'r', 'v_leak', 'v_threshold'],
    defaults: ['v_reset', 'w_in'],
    ignored: IO,
    float: ['tau_syn', 'tau_mem', 'r', 'v_leak', 'v_threshold', 'v_reset', 'w_in'],
  },
};

/** Element-wise nodes: the node shape is the common shape of these parameters. */
export const ELEMENTWISE = new Set(['Scale', 'Delay', 'Threshold', 'I', 'IF', 'LI', 'LIF', 'CubaLI', 'CubaLIF']);
