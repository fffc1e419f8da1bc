/**
 * Registers the fused WGSL neuron scan for the webgpu backend (imported once for its side
 * effect by the WebGPU backend loader). It only touches the GPU when called, on webgpu.
 */
import { fusedScan } from './fusedScan';
import { registerFusedScan } from '../kernels/scanRegistry';

registerFusedScan('webgpu', fusedScan);
