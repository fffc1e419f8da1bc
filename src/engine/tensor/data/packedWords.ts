/**
 * Packed bytes as the int32 words a GPU buffer holds: bytes [N, Tp, F] (np.packbits order),
 * zero-padded to a multiple of 4 and read little-endian, so byte i sits at bits 8·(i mod 4) … of
 * word ⌊i/4⌋ (what ../webgpu/programs/gatherUnpackProgram.ts reads). TF.js has no uint8 or uint32 dtype,
 * so the words travel as int32 with the same bits.
 */
export function packedWords(bytes: Uint8Array): Int32Array {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const words = new Int32Array(padded.length / 4);
  const view = new DataView(padded.buffer);
  for (let w = 0; w < words.length; w++) words[w] = view.getInt32(4 * w, true);
  return words;
}

/**
 * The plain TF.js layout for backends without the WGSL kernel: 16 time steps per int32 lane,
 * [N, ⌈T/16⌉, F], step t = 16·j + k of lane j at bit 15 − k (values < 2¹⁶, exact even where
 * integer ops run in float32; docs/specs/bench.md §1.8).
 */
export function packedLanes16(bytes: Uint8Array, N: number, T: number, F: number): Int32Array {
  const Tp = Math.ceil(T / 8);
  const L = Math.ceil(T / 16);
  const lanes = new Int32Array(N * L * F);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < L; j++) {
      const hi = (n * Tp + 2 * j) * F;
      const lo = hi + F;
      const hasLo = 2 * j + 1 < Tp;
      const dst = (n * L + j) * F;
      for (let f = 0; f < F; f++) lanes[dst + f] = (bytes[hi + f] << 8) | (hasLo ? bytes[lo + f] : 0);
    }
  }
  return lanes;
}
