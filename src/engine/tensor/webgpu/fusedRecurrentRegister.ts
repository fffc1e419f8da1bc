/**
 * Registers the fused WGSL recurrent scan (./fusedRecurrentScan.ts) for the webgpu backend, up to
 * the workgroup-memory limit on N. Imported for its side effect by the WebGPU loaders (../runtime/loaders.browser.ts, scripts/bench/nodeWebgpu.ts);
 * it only touches the GPU when called, on webgpu.
 */
import { RECURRENT_MAX_NEURONS } from './programs/recurrentLayout';
import { fusedRecurrentScan } from './fusedRecurrentScan';
import { registerRecurrentScan } from '../kernels/recurrentRegistry';

registerRecurrentScan('webgpu', { scan: fusedRecurrentScan, maxNeurons: RECURRENT_MAX_NEURONS });
