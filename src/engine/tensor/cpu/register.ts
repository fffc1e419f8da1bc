/**
 * Registers the CPU fast path for the 'wasm' and 'cpu' backends (imported once for its side
 * effect by their loaders in ../backends.node.ts and ../backends.browser.ts): the fused JS neuron
 * scan (./jsScan.ts) and the sparse matmul for spike inputs (./spikeMatMul.ts).
 */
import { registerFusedScan } from '../scan/registry';
import { jsScan } from './jsScan';
import { registerSpikeMatMul } from './spikeMatMulRegistry';
import { spikeMatMul } from './spikeMatMul';

for (const backend of ['wasm', 'cpu'] as const) {
  registerFusedScan(backend, jsScan);
  registerSpikeMatMul(backend, spikeMatMul);
}
