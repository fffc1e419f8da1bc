/**
 * Registers the CPU fast path in ../kernels/registry.ts for the 'wasm' and 'cpu' backends (tfjs's
 * register_all_kernels; imported once for its side effect by their loaders in
 * ../runtime/loaders.node.ts and ../runtime/loaders.browser.ts). A new kernel: its file in this
 * folder, one line below.
 */
import { registerKernel } from '../kernels/registry';
import { bitLinearScan } from './bitLinearScan';
import { bitMatMul } from './bitMatMul';
import { conv2dCpu, registerConv2dKernels } from './conv/conv2dKernels';
import { conv2dNchwCpu, registerConvNchwKernels } from './conv/convNchwKernels';
import { pool2dCpu, registerPool2dKernels } from './conv/pool2dKernels';
import { pool2dNchwCpu, registerPoolNchwKernels } from './conv/poolNchwKernels';
import { cpuTensorIo, wasmTensorIo } from './conv/tensorIo';
import { HostAdam } from './hostAdam';
import { uploadHostBits } from './hostBits';
import { jsScan } from './jsScan';
import { jsRecurrentScan } from './recurrentScan';
import { spikeMatMul } from './spikeMatMul';
import { sumOverTimeCpu } from './sumOverTime';
import { timeWeightedSumCpu } from './timeWeightedSum';
import { wasmHeapBytes } from './wasmHeap';

for (const backend of ['wasm', 'cpu'] as const) {
  registerKernel({ op: 'neuronScan', backend, kernel: jsScan });
  registerKernel({ op: 'recurrentScan', backend, kernel: { scan: jsRecurrentScan, maxNeurons: Infinity } });
  registerKernel({ op: 'bitMatMul', backend, kernel: (words, F, weight) => bitMatMul(words, F, weight) });
  registerKernel({ op: 'bitLinearScan', backend, kernel: bitLinearScan });
  registerKernel({ op: 'residentDataset', backend, kernel: uploadHostBits });
  registerKernel({ op: 'sumOverTime', backend, kernel: sumOverTimeCpu });
  registerKernel({ op: 'timeWeightedSum', backend, kernel: (x, c) => timeWeightedSumCpu(x, c, { broadcastGrad: backend === 'wasm' }) });
  // conv2d as loops that skip the zeros of its input, and pooling (./conv/); TF.js's ops are the reference.
  const io = backend === 'wasm' ? wasmTensorIo : cpuTensorIo;
  registerConv2dKernels(backend, io);
  registerKernel({ op: 'conv2d', backend, kernel: conv2dCpu });
  registerPool2dKernels(backend, io);
  registerKernel({ op: 'pool2d', backend, kernel: pool2dCpu });
  // The same on NIR's NCHW with padding and bias inside, so the layers run no transposes around them.
  registerConvNchwKernels(backend, io);
  registerKernel({ op: 'conv2dNchw', backend, kernel: conv2dNchwCpu(io) });
  registerPoolNchwKernels(backend, io);
  registerKernel({ op: 'pool2dNchw', backend, kernel: pool2dNchwCpu });
}
// wasm: TF.js's XNNPACK matmul does ∂x; its tensors live in a heap the kernels read in place.
registerKernel({ op: 'spikeMatMul', backend: 'wasm', kernel: spikeMatMul });
registerKernel({ op: 'heapView', backend: 'wasm', kernel: wasmHeapBytes });
// cpu: TF.js's generic JS loops are slow for ∂x = dy·W.
registerKernel({ op: 'spikeMatMul', backend: 'cpu', kernel: (x, w, options) => spikeMatMul(x, w, { ...options, simdInputGrad: true }) });
// Adam as one loop per variable: TF.js runs ~10 elementwise ops per variable (13 ms of W1's step on cpu, ~1 ms of op overhead on wasm).
for (const backend of ['wasm', 'cpu'] as const) registerKernel({ op: 'adam', backend, kernel: (lr, beta1, beta2, epsilon) => new HostAdam(lr, beta1, beta2, epsilon) });
