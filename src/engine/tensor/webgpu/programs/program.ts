/**
 * The shape of a Spikelab WGSL program run by the TF.js WebGPU backend: one flat invocation per
 * output lane (`fn main(index : i32)`), inputs bound as read-only storage arrays named after
 * `variableNames`, one read-write output `result`, and `uniforms` (the backend adds shapes and
 * strides; each program declares its own scalars). `shaderKey` must encode everything that
 * changes the WGSL text; the backend appends input ranks and dtypes and caches the pipeline by it.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

export const WORKGROUP = 64;

export abstract class FlatProgram implements WebGPUProgram {
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WORKGROUP, 1, 1];
  abstract variableNames: string[];
  uniforms?: string;

  /** `invocations`: how many lanes run `main` (not necessarily the output size). */
  constructor(outputShape: number[], invocations: number, shaderKey: string) {
    this.outputShape = outputShape;
    this.shaderKey = shaderKey;
    this.dispatchLayout = { x: outputShape.map((_, i) => i) };
    this.dispatch = [Math.max(1, Math.ceil(invocations / WORKGROUP)), 1, 1];
  }

  abstract getUserCode(): string;
}
