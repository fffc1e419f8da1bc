/**
 * Noticing that the GPU device went away (a driver reset, the browser reclaiming the GPU, a
 * sleeping laptop). WebGPU reports it through the GPUDevice's `lost` promise; the TF.js webgpu
 * backend then fails its next dispatch or read-back with an error whose message says the device
 * is lost (wording differs between Dawn versions), and WebGL reports a lost context. Either way
 * the tensors on that device are gone, so a caller must rebuild from host copies.
 */
import * as tf from '@tensorflow/tfjs-core';

const LOST = /device (?:was |is |has been )?lost|lost device|context (?:was |is )?lost|CONTEXT_LOST|GPUDevice.*destroyed/i;

/** Whether an error (or its message) says the compute device was lost. */
export function isDeviceLostError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return LOST.test(message);
}

interface LostInfo {
  message?: string;
  reason?: string;
}

/**
 * Calls `onLost` with the browser's reason when the active backend's GPU device is lost (webgpu
 * only: the other backends have no such promise). Returns false when there is nothing to watch.
 */
export function watchDeviceLoss(onLost: (reason: string) => void): boolean {
  if (tf.getBackend() !== 'webgpu') return false;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<LostInfo> } }).device;
  if (!device?.lost) return false;
  void device.lost.then((info) => onLost(info.message || info.reason || 'unknown reason'));
  return true;
}

/** The backend TF.js runs on now (for a caller outside this folder, which may not import TF.js). */
export function activeBackendName(): string {
  return tf.getBackend();
}
