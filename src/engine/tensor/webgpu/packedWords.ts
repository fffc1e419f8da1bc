/**
 * Packed bytes as the int32 words a GPU buffer holds: bytes [N, Tp, F] (np.packbits order),
 * zero-padded to a multiple of 4 and read little-endian, so byte i sits at bits 8·(i mod 4) … of
 * word ⌊i/4⌋ (what ./programs/gatherUnpackProgram.ts reads). TF.js has no uint8 or uint32 dtype,
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
