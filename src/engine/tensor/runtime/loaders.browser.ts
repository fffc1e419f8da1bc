/**
 * Backend loaders for the browser worker. Each import registers its backend lazily, so a page
 * that never falls back to webgl never pays for it, and then that backend's one register file
 * (../webgpu/register.ts, ../cpu/register.ts) fills ../kernels/registry.ts. The wasm files are served by Vite (`?url`);
 * threads are off because the threaded build hangs once minified (docs/specs/webgpu.md §6.2)
 * and the pthread pool brings nothing on small machines.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { AdapterInfo, BackendLoader, BackendName } from './backend';

async function probeWebGpu(): Promise<AdapterInfo> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) throw new Error('this browser has no WebGPU (navigator.gpu is missing)');
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no WebGPU adapter is available (GPU blocklisted or disabled)');
  const info = adapter.info;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    description: info.description,
    isFallbackAdapter: (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false,
  };
}

/** The WebGL renderer's own name (SwiftShader, llvmpipe or a GPU), where the browser tells it. */
function probeWebGl(): AdapterInfo | undefined {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) throw new Error('WebGL 2 is not available in this worker');
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  const vendor = String(gl.getParameter(debug ? debug.UNMASKED_VENDOR_WEBGL : gl.VENDOR) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  if (!renderer) return undefined;
  const software = /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
  return { vendor, architecture: software ? renderer.match(/swiftshader|llvmpipe|softpipe/i)?.[0].toLowerCase() ?? 'software' : '', description: renderer, isFallbackAdapter: software };
}

export const browserLoaders: Record<BackendName, BackendLoader> = {
  webgpu: async () => {
    const adapter = await probeWebGpu();
    await import('@tensorflow/tfjs-backend-webgpu');
    await import('../webgpu/register'); // the WGSL kernels and the device's own dataset layout
    return { adapter };
  },
  webgl: async () => {
    if (typeof OffscreenCanvas === 'undefined') throw new Error('OffscreenCanvas is missing in this worker');
    const adapter = probeWebGl();
    await import('@tensorflow/tfjs-backend-webgl');
    return adapter ? { adapter } : undefined;
  },
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const [plain, simd, threaded] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
    ]);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // after the import, which registers the flag
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': plain.default,
      'tfjs-backend-wasm-simd.wasm': simd.default,
      'tfjs-backend-wasm-threaded-simd.wasm': threaded.default,
    });
    await import('../cpu/register'); // the CPU fast path (JS loops, WebAssembly SIMD)
  },
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
    await import('../cpu/register');
  },
};
