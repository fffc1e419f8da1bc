/**
 * The running TF.js WebGPU backend, for kernels that dispatch their own WGSL programs through it
 * (`runWebGPUProgram`: the backend's command encoder, buffer pool and pipeline cache, so a custom
 * kernel queues behind the TF.js ops that produce its inputs with no readback and no extra submit).
 * A lost device is remembered and reported as GPU_DEVICE_LOST instead of hanging the next step.
 *
 * On first use it raises the backend's WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE (TF.js submits every 15
 * dispatches by default) to DISPATCHES_PER_SUBMIT: a training step's optimiser submits at the end
 * of the step (./adam.ts), so a step of up to that many dispatches is one submit.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { SpikelabError } from '../../core/errors';

/** Dispatches queued before TF.js submits them unasked (a workload-A step on the fused path is 36). */
export const DISPATCHES_PER_SUBMIT = 128;

const lost = new WeakMap<GPUDevice, string>();
const watched = new WeakSet<GPUDevice>();

function watch(device: GPUDevice): void {
  if (watched.has(device)) return;
  watched.add(device);
  tf.env().set('WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE', DISPATCHES_PER_SUBMIT);
  void device.lost.then((info) => lost.set(device, `${info.reason}: ${info.message}`));
}

/** The active WebGPU backend; throws GPU_NOT_WEBGPU on another backend, GPU_DEVICE_LOST if lost. */
export function webgpuBackend(): WebGPUBackend {
  if (tf.getBackend() !== 'webgpu') {
    throw new SpikelabError('GPU_NOT_WEBGPU', `A WebGPU kernel was called on the ${tf.getBackend()} backend.`,
      'Look the kernel up with kernelFor (../kernels/registry.ts) so other backends get the plain TF.js path.');
  }
  const backend = tf.backend() as WebGPUBackend;
  watch(backend.device);
  const reason = lost.get(backend.device);
  if (reason !== undefined) {
    throw new SpikelabError('GPU_DEVICE_LOST', `The GPU device was lost (${reason}).`,
      'Reload the page to get a new device; if it keeps happening, pick a smaller batch or hidden size, or force ?backend=wasm.');
  }
  return backend;
}

/** Wraps a program's output TensorInfo as a tensor tracked by the current tf.tidy scope. */
export function asTensor(info: tf.TensorInfo): tf.Tensor {
  return tf.engine().makeTensorFromTensorInfo(info);
}

/**
 * Submits the commands queued so far without waiting for them. TF.js's WebGPU backend batches
 * dispatches (15 per submit) and keeps the buffers of tensors disposed meanwhile counted in
 * numBytesInGPU until that submit; after this call the count is the live tensors' bytes.
 */
export function submitQueued(): void {
  const backend = webgpuBackend();
  backend.ensureCommandEncoderReady(); // submitQueue needs an encoder; an empty one is harmless
  backend.endComputePassEncoder();
  backend.submitQueue();
}
