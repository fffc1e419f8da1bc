/**
 * Registers the CPU fast path for the 'wasm' and 'cpu' backends (imported once for its side
 * effect by their loaders in ../runtime/loaders.node.ts and ../runtime/loaders.browser.ts): the fused JS neuron
 * scan (./jsScan.ts), the sparse matmul for spike inputs (./spikeMatMul.ts) and the first layer's
 * matmul on bit-packed batches (./bitMatMul.ts) and the fused recurrent scan (./recurrentScan.ts).
 */
import { registerBitMatMul } from '../kernels/bitMatMulRegistry';
import { registerFusedScan } from '../kernels/scanRegistry';
import { bitMatMul } from './bitMatMul';
import { jsScan } from './jsScan';
import { registerRecurrentScan } from '../kernels/recurrentRegistry';
import { jsRecurrentScan } from './recurrentScan';
import { registerSpikeMatMul } from '../kernels/spikeMatMulRegistry';
import { spikeMatMul } from './spikeMatMul';

for (const backend of ['wasm', 'cpu'] as const) {
  registerFusedScan(backend, jsScan);
  registerSpikeMatMul(backend, spikeMatMul);
  registerBitMatMul(backend, (words, F, weight) => bitMatMul(words, F, weight));
  registerRecurrentScan(backend, { scan: jsRecurrentScan, maxNeurons: Infinity });
}
