/**
 * The resident dataset on webgpu ('webgpu-words', op 'residentDataset' of ../kernels/registry.ts;
 * contract in ../kernels/residentDataset.ts): the packed bytes as u32 words (1 bit per
 * (t, feature), plus ≤ 3 bytes of padding; ./packedWords.ts) and one WGSL dispatch per batch:
 * gather + unpack to the float input (./programs/gatherUnpackProgram.ts), or gather + pack to
 * 1-bit words for a first layer that reads bits (./programs/gatherPackProgram.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { wordsPerRow } from '../kernels/packedBatch';
import { batchLabels, checkBatchRange, type UploadResident } from '../kernels/residentDataset';
import { GatherPackProgram } from './programs/gatherPackProgram';
import { GatherUnpackProgram } from './programs/gatherUnpackProgram';
import { packedWords } from './packedWords';
import { asTensor, webgpuBackend } from './webgpuBackend';

export const uploadWords: UploadResident = (source, labels) => {
  webgpuBackend();
  const { N, T, F } = source;
  const words = tf.tensor1d(packedWords(source.packed), 'int32');
  const Tp = Math.ceil(T / 8);
  return {
    N, T, F, layout: 'webgpu-words', residentBytes: words.size * 4 + labels.size * 4,
    batch(perm, offset, B, shifts) {
      checkBatchRange(N, offset, B, perm.size);
      const program = new GatherUnpackProgram(T, B, F, shifts !== undefined);
      const inputs = shifts ? [words, perm, shifts] : [words, perm];
      const uniforms = [T, B, F, Tp, offset].map((v) => ({ type: 'int32', data: [v] }));
      const x = asTensor(webgpuBackend().runWebGPUProgram(program, inputs, 'float32', uniforms)) as tf.Tensor3D;
      return { x, y: batchLabels(labels, perm, offset, B) };
    },
    packedBatch(perm, offset, B, shifts) {
      checkBatchRange(N, offset, B, perm.size);
      const program = new GatherPackProgram(T, B, F, shifts !== undefined);
      const inputs = shifts ? [words, perm, shifts] : [words, perm];
      const uniforms = [T, B, F, Tp, offset, wordsPerRow(F)].map((v) => ({ type: 'int32', data: [v] }));
      const out = asTensor(webgpuBackend().runWebGPUProgram(program, inputs, 'int32', uniforms)) as tf.Tensor2D;
      return { words: out, T, B, F, y: batchLabels(labels, perm, offset, B) };
    },
    dispose: () => tf.dispose([words, labels]),
  };
};
