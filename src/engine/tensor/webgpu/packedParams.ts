/**
 * The packed parameter input `params` [K·N] of the fused WGSL scans (./fusedScan.ts,
 * ./fusedRecurrentScan.ts): the rows of scanParamNames (./programs/scanForwardProgram.ts), each
 * broadcast to float32 [N] (absent ones are zeros), with β and α the tensors being differentiated.
 */
import * as tf from '@tensorflow/tfjs-core';
import { scanParamNames } from './programs/scanForwardProgram';
import type { ScanParams, ScanSpec } from '../kernels/neuronScan';

/** Parameter `name` as a flat float32 [N] tensor (absent ones are zeros). */
function row(params: ScanParams, name: string, n: number): tf.Tensor {
  const value = params[name as keyof ScanParams] ?? tf.zeros([n]);
  return tf.reshape(tf.cast(tf.broadcastTo(value, [n]), 'float32'), [n]);
}

export function packedParams(spec: ScanSpec, params: ScanParams, beta: tf.Tensor, alpha: tf.Tensor | null, N: number): tf.Tensor {
  const rows = scanParamNames(spec).map((name) =>
    name === 'beta' ? row({ ...params, beta }, name, N) : name === 'alpha' && alpha ? row({ ...params, alpha }, name, N) : row(params, name, N));
  return tf.reshape(tf.stack(rows), [rows.length * N]);
}
