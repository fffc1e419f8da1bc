/**
 * The one kernel registry of the tensor runtime, after tfjs's kernel_registry and KernelConfig:
 * every piece of backend-specific code the layers above need is an entry { op, backend, kernel },
 * registered by that backend's register.ts (../webgpu/register.ts, ../cpu/register.ts, which the
 * loaders import) and found with `kernelFor(op)`, which reads the active TF.js backend. Where an op
 * has no kernel on a backend the caller runs its plain TF.js path (each op says which below), so
 * nothing above the backends branches on a backend's name (docs/tensor.md).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../runtime/backend';
import type { BitLinearScan } from './bitLinearScan';
import type { BitMatMul } from './bitMatMul';
import type { Conv2dNchw, Pool2dNchw } from './conv2dNchw';
import type { WatchDeviceLoss } from './deviceLoss';
import type { NeuronScan } from './neuronScan';
import type { ReadoutLoss } from './readoutLoss';
import type { RecurrentKernel } from './recurrentScan';
import type { UploadResident } from './residentDataset';
import type { SpikeMatMul } from './spikeMatMul';

/** Every op and the type of its kernel; without a kernel, the fallback named. */
export interface KernelTypes {
  /** The fused neuron scan (./neuronScan.ts); else the plain TF.js scan (./plain/plainScan.ts). */
  neuronScan: NeuronScan;
  /** The fused recurrent scan and the largest population it runs (./recurrentScan.ts); else step by step. */
  recurrentScan: RecurrentKernel;
  /** The first layer's matmul on the dataset's bits (./bitMatMul.ts); else a float unpack and tf.matMul. */
  bitMatMul: BitMatMul;
  /** The first layer on the dataset's bits fused with its neuron population (./bitLinearScan.ts); else bitMatMul, then neuronScan. */
  bitLinearScan: BitLinearScan;
  /** The sparse matmul for spike inputs (./spikeMatMul.ts); else tf.matMul. */
  spikeMatMul: SpikeMatMul;
  /** s = Σ_t y_t for y [T, ...rest] as one op (∂y_t = ∂s for every t); else tf.sum(y, 0). */
  sumOverTime: (y: tf.Tensor) => tf.Tensor;
  /**
   * s = Σ_t c_t·x_t for x [T, ...rest] and constant c [T], as one op (∂x_t = c_t·∂s); where it has
   * none, Program runs its readout step by step instead of in closed form (../program/program.ts).
   */
  timeWeightedSum: (x: tf.Tensor, c: Float32Array) => tf.Tensor;
  /** The cross-entropy losses, their gradient and the correct count as one op (./readoutLoss.ts); else TF.js ops. */
  readoutLoss: ReadoutLoss;
  /** Adam(lr, β₁, β₂, ε) with tf.train.adam's update (../train/optimizer.ts); else tf.train.adam. */
  adam: (lr: number, beta1: number, beta2: number, epsilon: number) => tf.Optimizer;
  /**
   * conv2d NHWC, valid padding, dilation 1, as loops that skip the zeros of x (../cpu/conv/conv2dKernels.ts;
   * wasm lacks TF.js's filter gradient); else tf.conv2d.
   */
  conv2d: (strides: [number, number]) => (x: tf.Tensor4D, filter: tf.Tensor4D) => tf.Tensor4D;
  /** Max, average or sum pooling NHWC, valid padding, with its gradient (../cpu/conv/pool2dKernels.ts); else tf.maxPool / tf.avgPool. */
  pool2d: (kind: 'max' | 'avg' | 'sum', kernel: [number, number], strides: [number, number]) => (x: tf.Tensor4D) => tf.Tensor4D;
  /** conv2d NCHW with its padding and bias inside (./conv2dNchw.ts; ../cpu/conv/convNchwKernels.ts); else ./plain/conv2dNchw.ts. */
  conv2dNchw: Conv2dNchw;
  /** Sum or average pooling NCHW, padding inside (./conv2dNchw.ts; ../cpu/conv/poolNchwKernels.ts); else NHWC via transposes. */
  pool2dNchw: Pool2dNchw;
  /** The resident dataset's layout on the device (./residentDataset.ts); else TF.js ops on 16-step lanes. */
  residentDataset: UploadResident;
  /** Watching the compute device for loss (./deviceLoss.ts); else there is nothing to watch. */
  deviceLoss: WatchDeviceLoss;
  /**
   * A float32/int32 tensor's bytes in the backend's own memory, without a copy and valid only until
   * the next TF.js call (null where it cannot give them); else dataSync.
   */
  heapView: (x: tf.Tensor) => Uint8Array | null;
}

export type KernelOp = keyof KernelTypes;

/** One entry: the kernel of `op` on `backend`. */
export interface KernelConfig<K extends KernelOp = KernelOp> {
  op: K;
  backend: BackendName;
  kernel: KernelTypes[K];
}

const kernels = new Map<KernelOp, Map<string, KernelTypes[KernelOp]>>();

/** Registers the kernel of `op` on `backend`, replacing any registered before. */
export function registerKernel<K extends KernelOp>(config: KernelConfig<K>): void {
  let byBackend = kernels.get(config.op);
  if (!byBackend) {
    byBackend = new Map();
    kernels.set(config.op, byBackend);
  }
  byBackend.set(config.backend, config.kernel);
}

/** The backend TF.js runs on now. */
export function activeBackendName(): string {
  return tf.getBackend();
}

/** The kernel of `op` on `backend` (by default the active one), or undefined: then the caller's plain path runs. */
export function kernelFor<K extends KernelOp>(op: K, backend: string = activeBackendName()): KernelTypes[K] | undefined {
  return kernels.get(op)?.get(backend) as KernelTypes[K] | undefined;
}

/** Every registered (op, backend), sorted by op, then backend (for tests and docs/tensor.md). */
export function registeredKernels(): Array<{ op: KernelOp; backend: string }> {
  const entries = [...kernels].flatMap(([op, byBackend]) => [...byBackend.keys()].map((backend) => ({ op, backend })));
  return entries.sort((a, b) => a.op.localeCompare(b.op) || a.backend.localeCompare(b.backend));
}
