/**
 * Registers the WGSL bit matmul (./bitMatMul.ts) for the webgpu backend (imported once for its
 * side effect by the WebGPU backend loader). It only touches the GPU when called, on webgpu.
 */
import { registerBitMatMul } from '../kernels/bitMatMulRegistry';
import { bitMatMulWebgpu } from './bitMatMul';

registerBitMatMul('webgpu', bitMatMulWebgpu);
