/**
 * Noticing that the compute device went away (a driver reset, the browser reclaiming the GPU, a
 * sleeping laptop). WebGPU reports it through the GPUDevice's `lost` promise, watched by the
 * webgpu kernel of op 'deviceLoss' (../webgpu/deviceLoss.ts, registered in ./registry.ts); the
 * TF.js webgpu backend then fails its next dispatch or read-back with an error whose message says
 * the device is lost (wording differs between Dawn versions), and WebGL reports a lost context.
 * Either way the tensors on that device are gone, so a caller must rebuild from host copies.
 */
import { kernelFor } from './registry';

/** Calls `onLost` with the browser's reason when the device is lost; false when there is nothing to watch. */
export type WatchDeviceLoss = (onLost: (reason: string) => void) => boolean;

const LOST = /device (?:was |is |has been )?lost|lost device|context (?:was |is )?lost|CONTEXT_LOST|GPUDevice.*destroyed/i;

/** Whether an error (or its message) says the compute device was lost. */
export function isDeviceLostError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return LOST.test(message);
}

/**
 * Calls `onLost` with the browser's reason when the active backend's device is lost (webgpu only:
 * the other backends have no such promise). Returns false when there is nothing to watch.
 */
export function watchDeviceLoss(onLost: (reason: string) => void): boolean {
  return kernelFor('deviceLoss')?.(onLost) ?? false;
}
