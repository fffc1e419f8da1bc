/**
 * The random data of a scan conformance case (./fusedScanConformance.ts,
 * ./recurrentScanConformance.ts), and reading a case's results back. Every parameter is drawn
 * for N neurons in a fixed order (β, g_in, b, θ, v_reset, α, g_cur, γ), then the input x and the
 * loss weights w [T·B·N]; β[0] = 1.05 lies outside [0, 1] (clipped: no gradient) and β[2] = 1 is
 * the inclusive edge of the clip.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../engine/core/rng';
import type { ScanParams } from '../../engine/tensor/kernels/neuronScan';

export type Arrays = Record<string, Float32Array>;

/** n values uniform in [lo, hi). */
export type Draw = (n: number, lo: number, hi: number) => Float32Array;

/** Draws from mulberry32(seed). */
export function uniformDraw(seed: number): Draw {
  const r = mulberry32(seed);
  return (n, lo, hi) => Float32Array.from({ length: n }, () => lo + (hi - lo) * r.uniform());
}

export function drawScanData(draw: Draw, T: number, B: number, N: number): { x: Float32Array; w: Float32Array; params: Arrays } {
  const beta = draw(N, 0.3, 1);
  beta[0] = 1.05;
  if (N > 2) beta[2] = 1;
  const params: Arrays = {
    beta, gainIn: draw(N, 0.6, 1.4), bias: draw(N, -0.05, 0.1), threshold: draw(N, 0.6, 1.2),
    vReset: draw(N, -0.2, 0.2), alpha: draw(N, 0.3, 0.95), gainCur: draw(N, 0.5, 1.2), gamma: draw(N, 0.5, 0.95),
  };
  const size = T * B * N;
  return { x: draw(size, -0.3, 1.3), w: draw(size, -1, 1), params };
}

/** The parameters as [N] tensors (every name drawScanData draws is a ScanParams entry). */
export function paramTensors(params: Arrays): ScanParams {
  const tensors: Partial<Record<keyof ScanParams, tf.Tensor>> = {};
  for (const [name, values] of Object.entries(params)) tensors[name as keyof ScanParams] = tf.tensor1d(values);
  return tensors as ScanParams;
}

/** Every tensor's values, then the tensors disposed. */
export async function readArrays(tensors: Record<string, tf.Tensor>): Promise<Arrays> {
  const out: Arrays = {};
  for (const [k, t] of Object.entries(tensors)) out[k] = (await t.data()) as Float32Array;
  tf.dispose(Object.values(tensors));
  return out;
}
