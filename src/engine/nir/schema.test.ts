/** The reader's field lists, derived from the catalogue, are NIR's (docs/specs/nir.md §5, the table nir.read checks against). */
import { describe, expect, it } from 'vitest';
import { SCHEMA } from './schema';

const IO = ['input_type', 'output_type'];
const CONV = ['input_shape', 'weight', 'stride', 'padding', 'dilation', 'groups', 'bias'];
const POOL = ['kernel_size', 'stride', 'padding'];

describe('NIR node schema', () => {
  it('lists each type\'s datasets in NIR order: required, defaulted by nir.read, ignored, element-wise floats', () => {
    expect(SCHEMA).toEqual({
      Input: { required: ['shape'], defaults: [], ignored: ['input_type'], float: [] },
      Output: { required: ['shape'], defaults: [], ignored: ['output_type'], float: [] },
      Affine: { required: ['weight', 'bias'], defaults: [], ignored: IO, float: [] },
      Linear: { required: ['weight'], defaults: [], ignored: [], float: [] },
      Scale: { required: ['scale'], defaults: [], ignored: [], float: ['scale'] },
      Conv1d: { required: CONV, defaults: [], ignored: IO, float: [] },
      Conv2d: { required: CONV, defaults: [], ignored: [], float: [] },
      SumPool2d: { required: POOL, defaults: [], ignored: IO, float: [] },
      AvgPool2d: { required: POOL, defaults: [], ignored: [], float: [] },
      Flatten: { required: [], defaults: ['input_type', 'start_dim', 'end_dim'], ignored: ['output_type'], float: [] },
      Delay: { required: ['delay'], defaults: [], ignored: IO, float: ['delay'] },
      Threshold: { required: ['threshold'], defaults: [], ignored: IO, float: ['threshold'] },
      I: { required: ['r'], defaults: [], ignored: IO, float: ['r'] },
      IF: { required: ['r', 'v_threshold'], defaults: ['v_reset'], ignored: IO, float: ['r', 'v_threshold', 'v_reset'] },
      LI: { required: ['tau', 'r', 'v_leak'], defaults: [], ignored: IO, float: ['tau', 'r', 'v_leak'] },
      LIF: { required: ['tau', 'r', 'v_leak', 'v_threshold'], defaults: ['v_reset'], ignored: IO, float: ['tau', 'r', 'v_leak', 'v_threshold', 'v_reset'] },
      CubaLI: { required: ['tau_syn', 'tau_mem', 'r', 'v_leak'], defaults: ['w_in'], ignored: IO, float: ['tau_syn', 'tau_mem', 'r', 'v_leak', 'w_in'] },
      CubaLIF: {
        required: ['tau_syn', 'tau_mem', 'r', 'v_leak', 'v_threshold'], defaults: ['v_reset', 'w_in'], ignored: IO,
        float: ['tau_syn', 'tau_mem', 'r', 'v_leak', 'v_threshold', 'v_reset', 'w_in'],
      },
    });
  });
});
