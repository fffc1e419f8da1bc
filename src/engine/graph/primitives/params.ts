/**
 * Parameters several primitives share: the neuron parameters (NIR names; τ and the delay in the
 * file's time unit), the dense/conv weight and bias, Input/Output `shape`, the pooling triple and
 * the convolution fields of Conv1d and Conv2d. Palette defaults follow the templates (../templates.ts):
 * τ = 20 ms, θ = 1, r = τ/dt at dt = 1 ms, so one unit of input adds one unit of membrane.
 */
import type { ParamSpec } from './primitive';

const positive = { value: 0, exclusive: true };
const atLeastOne = { value: 1, exclusive: false };
const atLeastZero = { value: 0, exclusive: false };

export const TAU: ParamSpec = {
  key: 'tau', kind: 'array', quantity: 'time constant', meaning: 'membrane time constant', shapeRule: 'layer', min: positive, default: 20e-3, trained: 'learn_decay',
};
export const TAU_SYN: ParamSpec = {
  key: 'tau_syn', kind: 'array', quantity: 'time constant', meaning: 'synaptic time constant', shapeRule: 'layer', min: positive, default: 5e-3, trained: 'learn_decay',
};
export const TAU_MEM: ParamSpec = {
  key: 'tau_mem', kind: 'array', quantity: 'time constant', meaning: 'membrane time constant', shapeRule: 'layer', min: positive, default: 10e-3, trained: 'learn_decay',
};
/** Input resistance R; the palette default (1) suits the non-leaky I and IF, leaky models set r = τ/dt. */
export const R: ParamSpec = { key: 'r', kind: 'array', quantity: 'resistance', meaning: 'input resistance R', shapeRule: 'layer', default: 1 };
export const V_LEAK: ParamSpec = { key: 'v_leak', kind: 'array', quantity: 'potential', meaning: 'resting potential', shapeRule: 'layer', default: 0 };
export const V_THRESHOLD: ParamSpec = { key: 'v_threshold', kind: 'array', quantity: 'potential', meaning: 'firing threshold θ', shapeRule: 'layer', default: 1 };
export const V_RESET: ParamSpec = {
  key: 'v_reset', kind: 'array', quantity: 'potential', meaning: 'potential after a spike', shapeRule: 'layer', default: 0,
  ifAbsent: { by: 'nir.read', fill: 0, warning: { code: 'NIR_LEGACY_NO_V_RESET', note: 'has no v_reset (file from nir < 1.0.6): reset to 0 assumed, as nir.read does; the exporter may have meant reset by subtraction.' } },
};
/** Synaptic input gain; the palette default 5 is τ_syn/dt at dt = 1 ms (snnTorch's Synaptic). */
export const W_IN: ParamSpec = {
  key: 'w_in', kind: 'array', quantity: 'gain', meaning: 'synaptic input gain', shapeRule: 'layer', default: 5,
  ifAbsent: { by: 'nir.read', fill: 1, warning: { code: 'NIR_LEGACY_NO_W_IN', note: 'has no w_in (nir 0.2-era file): w_in = 1 assumed.' } },
};

export const SHAPE: ParamSpec = { key: 'shape', kind: 'ints', quantity: 'size', meaning: 'data shape (without batch and time)', shapeRule: 'any rank', min: atLeastOne };

export const WEIGHT: ParamSpec = { key: 'weight', kind: 'array', quantity: 'gain', meaning: 'weight matrix', shapeRule: '(…, out, in), as torch.nn.Linear.weight', trained: 'always' };
export const BIAS: ParamSpec = { key: 'bias', kind: 'array', quantity: 'gain', meaning: 'bias', shapeRule: '(…, out)', trained: 'always' };

export const POOL_2D: readonly ParamSpec[] = [
  { key: 'kernel_size', kind: 'ints', length: 2, quantity: 'size', meaning: 'window (height, width)', shapeRule: '(2)', min: atLeastOne },
  { key: 'stride', kind: 'ints', length: 2, quantity: 'size', meaning: 'step between windows', shapeRule: '(2)', min: atLeastOne },
  { key: 'padding', kind: 'ints', length: 2, quantity: 'size', meaning: 'zeros added on each side', shapeRule: '(2)', min: atLeastZero },
];

/** The fields of Conv1d (spatial 1: (C, L)) and Conv2d (spatial 2: (C, H, W)), in NIR's order. */
export function convParams(spatial: 1 | 2): readonly ParamSpec[] {
  const tuple = `(${spatial})`;
  return [
    {
      key: 'input_shape', kind: 'ints', length: spatial, quantity: 'size', meaning: spatial === 1 ? 'input length' : 'input size',
      shapeRule: spatial === 1 ? '(L), spatial only' : '(H, W), spatial only', min: atLeastOne,
      ifAbsent: { by: 'spikelab', warning: { code: 'NIR_CONV_INPUT_SHAPE', note: 'has no input_shape (nir 0.x file); it is inferred from the layer that feeds it.' } },
    },
    { ...WEIGHT, meaning: 'kernels', shapeRule: spatial === 1 ? '(C_out, C_in/groups, K)' : '(C_out, C_in/groups, kH, kW)' },
    { key: 'stride', kind: 'ints', length: spatial, quantity: 'size', meaning: 'step of the kernel', shapeRule: tuple, min: atLeastOne },
    { key: 'padding', kind: 'padding', length: spatial, quantity: 'size', meaning: 'zeros added on each side, or "same" / "valid"', shapeRule: `${tuple} or a word`, min: atLeastZero },
    { key: 'dilation', kind: 'ints', length: spatial, quantity: 'size', meaning: 'spacing of the kernel taps', shapeRule: tuple, min: atLeastOne },
    { key: 'groups', kind: 'int', quantity: 'count', meaning: 'channel groups', shapeRule: 'scalar', min: atLeastOne },
    { ...BIAS, shapeRule: '(C_out)' },
  ];
}
