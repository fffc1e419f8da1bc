/**
 * The conformance worker: for each backend asked, starts it (its loader imports the backend's one
 * register file), runs the neuron-scan suite (fused, or plain where ../conformance/knownGaps.ts
 * lists a gap, against plain on cpu), the recurrent, resident-dataset, bit-matmul, Adam, readout-loss and metrics-ring suites, and
 * where no gap says otherwise (webgpu) the memory budget of a workload-A step; it posts one message
 * per case and a final summary; with webgpu it last checks that a destroyed device gives
 * GPU_DEVICE_LOST. Run by conformance.html (e2e/gpu-conformance.spec.ts).
 */
import { selectBackend, type BackendName } from '../../engine/tensor/runtime/backend';
import { browserLoaders } from '../../engine/tensor/runtime/loaders.browser';
import { runDeviceLostCheck, runScanConformance } from '../conformance/fusedScanConformance';
import { runRecurrentConformance } from '../conformance/recurrentScanConformance';
import { runUnpackConformance } from '../conformance/unpackConformance';
import { runBitMatMulConformance } from '../conformance/bitMatMulConformance';
import { runAdamConformance } from '../conformance/adamConformance';
import { runReadoutLossConformance } from '../conformance/readoutLossConformance';
import { runMetricsRingConformance } from '../conformance/metricsRingConformance';
import { runMemoryCheck } from '../bench/memoryCheck';
import { knownGap } from '../conformance/knownGaps';
import type { ConformanceMessage } from './conformanceTypes';

const post = (message: ConformanceMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<{ backends: BackendName[] }>) => {
  const started = performance.now();
  for (const backend of event.data.backends) {
    try {
      await selectBackend({ candidates: ['cpu'], loaders: browserLoaders });
      const info = await selectBackend({ candidates: [backend], loaders: browserLoaders, forced: true });
      post({ type: 'backend', backend, adapter: info.adapter ? `${info.adapter.vendor}/${info.adapter.architecture}` : '' });
      await runScanConformance(backend, (result) => post({ type: 'scan', result }));
      await runRecurrentConformance(backend, (result) => post({ type: 'recurrent', result }));
      for (const result of await runUnpackConformance(backend)) post({ type: 'unpack', result });
      for (const result of await runBitMatMulConformance(backend)) post({ type: 'bitMatMul', result });
      post({ type: 'adam', result: await runAdamConformance(backend) });
      for (const result of await runReadoutLossConformance(backend)) post({ type: 'readoutLoss', result });
      post({ type: 'metricsRing', result: await runMetricsRingConformance(backend) });
      if (!knownGap(backend, 'memory')) {
        try {
          post({ type: 'memory', result: await runMemoryCheck() });
        } catch (error) {
          post({ type: 'memory', result: { error: error instanceof Error ? error.message : String(error) } });
        }
      }
    } catch (error) {
      post({ type: 'backendError', backend, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (event.data.backends.includes('webgpu')) {
    // Last: it destroys the WebGPU device.
    try {
      await selectBackend({ candidates: ['webgpu'], loaders: browserLoaders, forced: true });
      post({ type: 'deviceLost', ...(await runDeviceLostCheck()) });
    } catch (error) {
      post({ type: 'deviceLost', ok: false, code: '', message: error instanceof Error ? error.message : String(error) });
    }
  }
  post({ type: 'done', seconds: (performance.now() - started) / 1000 });
};
