/**
 * What the fused forward scan saves for its backward, as slots of one float32 buffer
 * [S, T, B, N] (slot-major, then time-major like x). Slot s of step t of lane l = b·N + n is at
 * (s·T + t)·B·N + l. Only state that cannot be recomputed exactly is saved; the spikes are not:
 * z_t = H(m_t − θ_t) ('post') or H(v_{t−1} − θ_t) ('pre') is the same comparison of the same
 * stored float32 the forward made, so forward, spike output and backward agree bit for bit, and
 * v_t after a 'post' reset (m_t − θ_t·z_t or m_t + (v_reset − m_t)·z_t, exact for z ∈ {0, 1})
 * is recomputed from m_t.
 *
 *   mem  slot 0: m_t, the membrane the spike is fired from ('post'); v_t ('pre', where m_t = v_t);
 *        v_t, the layer's output (output 'membrane')
 *   c    c_t, the synaptic current (synaptic layers)
 *   a    a_t, the adaptation (adaptive layers)
 *
 * A spiking layer's output z is its own [T, B, N] buffer (./scanSpikesProgram.ts), so a LIF layer
 * holds 2·T·B·N floats between forward and backward: its membranes and its spikes, which the next
 * layer's matmul keeps anyway.
 *
 * The recurrent scan (./recurrentForwardProgram.ts) saves this same state and derives its spikes
 * the same way. `slotAt` and `slotBefore` write the WGSL that addresses such a buffer.
 */
import type { ScanSpec } from '../../kernels/neuronScan';

export interface ScanLayout {
  slots: number;
  mem: 0;
  c: number;
  a: number;
}

/** −1 marks a slot the spec does not have. */
export function scanLayout(spec: ScanSpec): ScanLayout {
  let next = 1;
  const c = spec.synaptic ? next++ : -1;
  const a = spec.adaptive && spec.output === 'spikes' ? next++ : -1;
  return { slots: next, mem: 0, c, a };
}

/** Everything about a spec that changes the forward or backward WGSL (the slope is a uniform). */
export function scanShaderKey(spec: ScanSpec): string {
  return [spec.output, spec.synaptic ? 'syn' : 'nosyn', spec.spikeFrom, spec.reset,
    spec.detachReset ? 'detach' : 'attach', spec.adaptive ? 'adapt' : 'fixed', spec.surrogate.name].join('_');
}

/** WGSL: slot s of step `step` of lane l in `buffer`, an [S, T, B, N] state as above. */
export function slotAt(buffer: string, s: number, step = 't'): string {
  return `${buffer}[(${s} * uniforms.steps + ${step}) * uniforms.lanes + l]`;
}

/** WGSL: slot s at step t − k, 0 while t < k (x_{t−1} with x_{−1} = 0 for k = 1). */
export function slotBefore(buffer: string, s: number, k = 1): string {
  return `select(0.0, ${slotAt(buffer, s, `max(t - ${k}, 0)`)}, t >= ${k})`;
}
