import { describe, expect, it } from 'vitest';
import { describeStatus } from './StatusBar';

const base = { slow: false, forced: false, attempts: [] };

describe('describeStatus', () => {
  it('says a software-only WebGPU was passed over for WASM and how to force it', () => {
    const status = describeStatus({ phase: 'ready', backend: { ...base, name: 'wasm', softwareSkipped: ['webgpu', 'webgl'] } });
    expect(status).toEqual({
      text: 'Backend: WASM',
      detail: 'WebGPU and WebGL are software-only here; using WASM (force WebGPU with ?backend=webgpu)',
      tone: 'ok',
    });
  });

  it('warns with the reasons when a backend failed to start', () => {
    const status = describeStatus({ phase: 'ready', backend: { ...base, name: 'wasm', fallbackReason: 'webgpu: no adapter' } });
    expect(status).toMatchObject({ detail: 'Fell back: webgpu: no adapter', tone: 'warn' });
  });

  it('names a forced software adapter as slow', () => {
    const status = describeStatus({
      phase: 'ready',
      backend: { ...base, name: 'webgpu', slow: true, forced: true, adapter: { vendor: 'google', architecture: 'swiftshader', description: '', isFallbackAdapter: true } },
    });
    expect(status.text).toBe('Backend: WebGPU (google / swiftshader), forced by URL — software, slow');
  });
});
