/**
 * Runs a ./programs/multiOutputProgram.ts program on the TF.js WebGPU backend's own command encoder
 * and compute pass, so it queues between the TF.js ops around it like any of their dispatches: no
 * extra submit, no readback, and the buffers it touches are held until the queue is submitted
 * (the backend's commandQueueOwnedIds) exactly as runWebGPUProgram holds its own. New outputs are
 * float32 tensors allocated from the backend's buffer pool (every element must be written);
 * given TensorInfos are bound read-write and updated in place (the caller owns them alone).
 * Submits every WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE dispatches, as the backend does.
 *
 * It reaches four fields TF.js 4.22 (pinned in package.json) keeps private; e2e/gpu-conformance
 * runs every program that uses it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { Uniform } from './fusedScanOp';
import type { MultiOutputProgram } from './programs/multiOutputProgram';
import { WORKGROUP } from './programs/program';
import { webgpuBackend } from './webgpuBackend';

/** What runWebGPUProgram uses of the backend and its type declarations keep private. */
interface QueueInternals {
  commandEncoder: GPUCommandEncoder | null;
  computePassEncoder: GPUComputePassEncoder | null;
  commandQueueOwnedIds: WeakSet<tf.DataId>;
  dispatchCountInPass: number;
  makeUniforms(uniforms: Uniform[]): GPUBufferBinding;
}

const pipelines = new WeakMap<GPUDevice, Map<string, GPUComputePipeline>>();

function wgslType(dtype: string): string {
  return dtype === 'float32' ? 'f32' : 'i32';
}

function pipelineFor(device: GPUDevice, program: MultiOutputProgram, types: string[]): GPUComputePipeline {
  let cache = pipelines.get(device);
  if (!cache) pipelines.set(device, (cache = new Map()));
  const key = `${program.shaderKey}|${types.join(',')}`;
  let pipeline = cache.get(key);
  if (!pipeline) {
    const label = program.shaderKey; // what the bench's dispatches_by_program shows (class names are minified)
    const module = device.createShaderModule({ code: program.source(types), label });
    pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: '_start' }, label });
    cache.set(key, pipeline);
  }
  return pipeline;
}

/** Workgroups for `invocations` lanes, folded into 2-D past the per-dimension limit. */
export function workgroupGrid(invocations: number, maxPerDimension: number): [number, number] {
  const groups = Math.max(1, Math.ceil(invocations / WORKGROUP));
  if (groups <= maxPerDimension) return [groups, 1];
  const rows = Math.ceil(groups / maxPerDimension);
  return [Math.ceil(groups / rows), rows];
}

/**
 * Queues `program` with its read-write arrays `outputs` (a shape: a new float32 tensor; a
 * TensorInfo: updated in place) and read-only `inputs`; returns the outputs' TensorInfos (wrap the
 * new ones with asTensor).
 */
export function runMultiOutput(program: MultiOutputProgram, outputs: Array<number[] | tf.TensorInfo>, inputs: tf.TensorInfo[], uniforms: Uniform[]): tf.TensorInfo[] {
  const backend: WebGPUBackend = webgpuBackend();
  const queue = backend as unknown as QueueInternals;
  const bound = outputs.map((o) => (Array.isArray(o) ? backend.makeTensorInfo(o, 'float32') : o));
  const all = [...bound, ...inputs];
  const types = all.map((t) => {
    backend.uploadToGPU(t.dataId);
    return wgslType(backend.tensorMap.get(t.dataId).dtype);
  });
  const pipeline = pipelineFor(backend.device, program, types);
  const entries: GPUBindGroupEntry[] = all.map((t, i) => ({ binding: i, resource: { buffer: backend.tensorMap.get(t.dataId).resource as GPUBuffer } }));
  entries.push({ binding: all.length, resource: queue.makeUniforms(uniforms) });
  for (const t of all) queue.commandQueueOwnedIds.add(t.dataId);
  const bindGroup = backend.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
  backend.ensureCommandEncoderReady();
  queue.computePassEncoder ??= queue.commandEncoder!.beginComputePass({});
  const [x, y] = workgroupGrid(program.invocations, backend.device.limits.maxComputeWorkgroupsPerDimension);
  queue.computePassEncoder.setPipeline(pipeline);
  queue.computePassEncoder.setBindGroup(0, bindGroup);
  queue.computePassEncoder.dispatchWorkgroups(x, y, 1);
  queue.dispatchCountInPass++;
  if (queue.dispatchCountInPass >= tf.env().getNumber('WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE')) {
    backend.endComputePassEncoder();
    backend.submitQueue();
  }
  return bound;
}
