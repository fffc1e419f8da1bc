/**
 * Registers the webgpu backend's kernels in ../kernels/registry.ts (tfjs's register_all_kernels;
 * imported once for its side effect by the WebGPU loaders: ../runtime/loaders.browser.ts,
 * scripts/bench/nodeWebgpu.ts). Nothing here touches the GPU until a kernel is called, on webgpu.
 * A new kernel: its file in this folder, one line below.
 */
import { registerKernel } from '../kernels/registry';
import { WebGpuAdam } from './adam';
import { bitMatMulWebgpu } from './bitMatMul';
import { watchWebgpuDeviceLoss } from './deviceLoss';
import { fusedRecurrentScan } from './fusedRecurrentScan';
import { fusedScan } from './fusedScan';
import { RECURRENT_MAX_NEURONS } from './programs/recurrentLayout';
import { readoutLossWebgpu } from './readoutLoss';
import { uploadWords } from './residentWords';

registerKernel({ op: 'neuronScan', backend: 'webgpu', kernel: fusedScan });
registerKernel({ op: 'recurrentScan', backend: 'webgpu', kernel: { scan: fusedRecurrentScan, maxNeurons: RECURRENT_MAX_NEURONS } });
registerKernel({ op: 'bitMatMul', backend: 'webgpu', kernel: bitMatMulWebgpu });
registerKernel({ op: 'residentDataset', backend: 'webgpu', kernel: uploadWords });
registerKernel({ op: 'deviceLoss', backend: 'webgpu', kernel: watchWebgpuDeviceLoss });
registerKernel({ op: 'adam', backend: 'webgpu', kernel: (lr, beta1, beta2, epsilon) => new WebGpuAdam(lr, beta1, beta2, epsilon) });
registerKernel({ op: 'readoutLoss', backend: 'webgpu', kernel: readoutLossWebgpu });
