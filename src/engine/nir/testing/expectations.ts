/**
 * What the tolerant reader must do with every fixture file: open it (with these warning codes at
 * least) or refuse it with this error code. Sources: test/fixtures/nir/bad/EXPECTED.md
 * (validate_nir.py tolerant verdicts) and fixtures.md; one deliberate difference: upper-case
 * "SAME" padding is accepted with a warning, as nir.md §10.8 asks of our reader.
 */
export type Expectation = { ok: true; warnings?: string[] } | { ok: false; code: string };

export const EXPECTED: Record<string, Expectation> = {
  // fixtures/nir (official writer; fixtures.md)
  'conv_nmnist.nir': { ok: true },
  'cuba_snn.nir': { ok: true },
  'elementwise_f64.nir': { ok: true },
  'legacy_v0.2.0_conv.nir': { ok: true, warnings: ['NIR_CONV_INPUT_SHAPE', 'NIR_LEGACY_NO_V_RESET'] },
  'legacy_v1.0.1_conv_pool_cuba.nir': { ok: true, warnings: ['NIR_LEGACY_NO_V_RESET'] },
  'legacy_v1.0.4_avgpool_metadata.nir': { ok: true, warnings: ['NIR_LEGACY_NO_V_RESET'] },
  'metadata.nir': { ok: true },
  'quirk_lzf_compression.nir': { ok: true }, // h5wasm 0.10.3 decodes LZF (filter 32000)
  'quirk_scalar_params.nir': { ok: true, warnings: ['NIR_SCALAR_PARAMS'] },
  'shd_rsnn_flat.nir': { ok: true },
  'shd_rsnn_subgraph.nir': { ok: true },
  // fixtures/nir/upstream (MANIFEST.tsv): the two subgraph braille files name a missing node "lif";
  // Rockpool's braille has a subgraph Input of the wrong size.
  'nir_01_lif__debug_spike_representation__two_lif_neurons.nir': { ok: true, warnings: ['NIR_LEGACY_NO_V_RESET'] },
  'nir_01_lif__lif_norse.nir': { ok: true, warnings: ['NIR_LEGACY_NO_V_RESET'] },
  'nir_01_lif__lif_rockpool.nir': { ok: true, warnings: ['NIR_SINGLETON_DIMS'] },
  'nir_02_cnn__cnn_sinabs.nir': { ok: true, warnings: ['NIR_LEGACY_NO_V_RESET'] },
  'nir_03_rnn__braille_noDelay_bias_zero.nir': { ok: true },
  'nir_03_rnn__braille_noDelay_noBias_subtract.nir': { ok: true },
  'nir_03_rnn__extras__braille_noDelay_bias_zero_subgraph.nir': { ok: false, code: 'NIR_EDGE_MISSING_NODE' },
  'nir_03_rnn__extras__braille_noDelay_noBias_subtract_subgraph.nir': { ok: false, code: 'NIR_EDGE_MISSING_NODE' },
  'rockpool__tests__braille.nir': { ok: false, code: 'NIR_SHAPE_MISMATCH' },
  // fixtures/nir/bad (EXPECTED.md, tolerant column)
  'bad_datafile.nir': { ok: false, code: 'NIR_DATA_FILE' },
  'bad_edge_missing.nir': { ok: false, code: 'NIR_EDGE_MISSING_NODE' },
  'bad_extra_key.nir': { ok: false, code: 'NIR_UNEXPECTED_PARAMETER' },
  'bad_grouped.nir': { ok: true, warnings: ['NIR_GROUPED_CONV'] },
  'bad_int_edges.nir': { ok: false, code: 'NIR_INT_EDGES' },
  'bad_io_mismatch.nir': { ok: false, code: 'NIR_SHAPE_MISMATCH' },
  'bad_no_node.nir': { ok: false, code: 'NIR_NOT_NIR' },
  'bad_no_version.nir': { ok: true, warnings: ['NIR_NO_VERSION'] },
  'bad_param_shapes.nir': { ok: false, code: 'NIR_BAD_PARAMETER_SHAPES' },
  'bad_toplif.nir': { ok: false, code: 'NIR_TOP_NOT_GRAPH' },
  'bad_unknown_type.nir': { ok: false, code: 'NIR_UNKNOWN_NODE_TYPE' },
  'chk_affine_transposed.nir': { ok: false, code: 'NIR_WEIGHT_TRANSPOSED' },
  'chk_conv1d_inshape_1elem.nir': { ok: false, code: 'NIR_BAD_PARAMETER_RANK' },
  'chk_conv1d_stride_1elem.nir': { ok: true },
  'chk_conv2d_groups_1elem.nir': { ok: true },
  'chk_conv2d_no_input_shape.nir': { ok: true, warnings: ['NIR_CONV_INPUT_SHAPE'] },
  'chk_conv2d_padding_scalar.nir': { ok: true },
  'chk_conv2d_stride_scalar.nir': { ok: true },
  'chk_edges_empty_0x2.nir': { ok: true, warnings: ['NIR_EMPTY_EDGES', 'NIR_IMPLICIT_INPUT', 'NIR_IMPLICIT_OUTPUT'] },
  'chk_edges_fixed_ascii.nir': { ok: true },
  'chk_flatten_no_input_type.nir': { ok: true, warnings: ['NIR_FLATTEN_INPUT_TYPE'] },
  'chk_flatten_start_1elem.nir': { ok: false, code: 'NIR_BAD_PARAMETER_RANK' },
  'chk_input_shape_float.nir': { ok: true, warnings: ['NIR_FLOAT_SHAPE'] },
  'chk_input_shape_int32.nir': { ok: true },
  'chk_lif_tau_float16.nir': { ok: true },
  'chk_padding_SAME_upper.nir': { ok: true, warnings: ['NIR_PADDING_CASE'] },
  'chk_pool_kernel_scalar.nir': { ok: true, warnings: ['NIR_SCALAR_POOL'] },
  'chk_type_as_array.nir': { ok: false, code: 'NIR_BAD_PARAMETER_RANK' },
  'chk_version_fixed_ascii.nir': { ok: true },
};
