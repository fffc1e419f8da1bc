/**
 * Registers the CPU fast path in ../kernels/registry.ts for the 'wasm' and 'cpu' backends (tfjs's
 * register_all_kernels; imported once for its side effect by their loaders in
 * ../runtime/loaders.node.ts and ../runtime/loaders.browser.ts). A new kernel: its file in this
 * folder, one line below.
 */
import { registerKernel } from '../kernels/registry';
import { bitMatMul } from './bitMatMul';
import { conv2dWithWasmGradient } from './conv2dWasm';
import { HostAdam } from './hostAdam';
import { uploadHostBits } from './hostBits';
import { jsScan } from './jsScan';
import { jsRecurrentScan } from './recurrentScan';
import { spikeMatMul } from './spikeMatMul';
import { sumOverTimeCpu } from './sumOverTime';
import { wasmHeapBytes } from './wasmHeap';

for (const backend of ['wasm', 'cpu'] as const) {
  registerKernel({ op: 'neuronScan', backend, kernel: jsScan });
  registerKernel({ op: 'recurrentScan', backend, kernel: { scan: jsRecurrentScan, maxNeurons: Infinity } });
  registerKernel({ op: 'bitMatMul', backend, kernel: (words, F, weight) => bitMatMul(words, F, weight) });
  registerKernel({ op: 'residentDataset', backend, kernel: uploadHostBits });
}
// wasm: TF.js's XNNPACK matmul does ∂x; its tensors live in a heap the kernels read in place; it
// lacks Conv2DBackpropFilter.
registerKernel({ op: 'spikeMatMul', backend: 'wasm', kernel: spikeMatMul });
registerKernel({ op: 'heapView', backend: 'wasm', kernel: wasmHeapBytes });
registerKernel({ op: 'conv2d', backend: 'wasm', kernel: conv2dWithWasmGradient });
// cpu: TF.js's generic JS loops are slow for ∂x = dy·W, Σ_t and Adam.
registerKernel({ op: 'spikeMatMul', backend: 'cpu', kernel: (x, w, options) => spikeMatMul(x, w, { ...options, simdInputGrad: true }) });
registerKernel({ op: 'sumOverTime', backend: 'cpu', kernel: sumOverTimeCpu });
registerKernel({ op: 'adam', backend: 'cpu', kernel: (lr, beta1, beta2, epsilon) => new HostAdam(lr, beta1, beta2, epsilon) });
