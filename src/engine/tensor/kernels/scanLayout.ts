/**
 * What the fused forward scan saves for its backward, as slots of one float32 buffer
 * [S, T, B, N] (slot-major, then time-major like x). Slot s of step t of lane l = b·N + n is at
 * (s·T + t)·B·N + l. The backward reads step t and t − 1 of these; no state is recomputed, so the
 * backward sees exactly the forward's spikes.
 *
 *   out  z_t (output 'spikes') or v_t (output 'membrane'): always slot 0, the layer's output
 *   m    m_t, the membrane the spike was fired from ('post') or v_t ('pre'; m_t = v_t) — spikes only
 *   v    v_t after reset: its own slot for 'post' spikes, else shared with m (pre) or out (membrane)
 *   c    c_t, the synaptic current (synaptic layers)
 *   a    a_t, the adaptation (adaptive layers)
 */
import type { ScanSpec } from '../scan/types';

export interface ScanLayout {
  slots: number;
  out: 0;
  m: number;
  v: number;
  c: number;
  a: number;
}

/** −1 marks a slot the spec does not have. */
export function scanLayout(spec: ScanSpec): ScanLayout {
  let next = 1;
  let m = -1;
  let v = 0;
  if (spec.output === 'spikes') {
    m = next++;
    v = spec.spikeFrom === 'post' ? next++ : m;
  }
  const c = spec.synaptic ? next++ : -1;
  const a = spec.adaptive && spec.output === 'spikes' ? next++ : -1;
  return { slots: next, out: 0, m, v, c, a };
}

/** Everything about a spec that changes the forward or backward WGSL (the slope is a uniform). */
export function scanShaderKey(spec: ScanSpec): string {
  return [spec.output, spec.synaptic ? 'syn' : 'nosyn', spec.spikeFrom, spec.reset,
    spec.detachReset ? 'detach' : 'attach', spec.adaptive ? 'adapt' : 'fixed', spec.surrogate.name].join('_');
}
