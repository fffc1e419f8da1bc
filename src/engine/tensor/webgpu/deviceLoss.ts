/**
 * Device-loss watching on the webgpu backend (op 'deviceLoss' of ../kernels/registry.ts; what a
 * caller uses is ../kernels/deviceLoss.ts): the GPUDevice's `lost` promise resolves with the
 * browser's reason when the device goes away.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { WatchDeviceLoss } from '../kernels/deviceLoss';

export const watchWebgpuDeviceLoss: WatchDeviceLoss = (onLost) => {
  const device = (tf.backend() as WebGPUBackend).device;
  if (!device?.lost) return false;
  void device.lost.then((info) => onLost(info.message || info.reason || 'unknown reason'));
  return true;
};
