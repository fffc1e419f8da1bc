/**
 * NIR `Flatten`: merges dims start_dim..end_dim inclusive (negative from the end), over shapes
 * without batch: in[:s] + [∏ in[s..e]] + in[e+1:]. nir.read defaults start_dim 1, end_dim −1.
 */
import type { Primitive } from './primitive';

export const flattenPrimitive: Primitive = {
  type: 'Flatten',
  category: 'connection',
  label: 'Flatten',
  description: 'Merges a run of dimensions into one.',
  equation: 'y = x reshaped, dims start..end merged',
  baseName: 'flatten',
  params: [
    {
      key: 'input_type', kind: 'ints', quantity: 'size', meaning: 'input shape', shapeRule: 'the full input shape', min: { value: 1, exclusive: false },
      ifAbsent: { by: 'nir.read', warning: { code: 'NIR_FLATTEN_INPUT_TYPE', note: 'has no input_type; it is inferred from the layer that feeds it.' } },
    },
    { key: 'start_dim', kind: 'int', quantity: 'dimension', meaning: 'first dimension merged', shapeRule: 'scalar', ifAbsent: { by: 'nir.read', fill: 1 } },
    { key: 'end_dim', kind: 'int', quantity: 'dimension', meaning: 'last dimension merged (negative: from the end)', shapeRule: 'scalar', ifAbsent: { by: 'nir.read', fill: -1 } },
  ],
  stateful: false,
  nirIgnored: ['output_type'],
  create: () => ({ type: 'Flatten', start_dim: 0, end_dim: -1 }),
};
