import { dataError } from '../errors';

/**
 * RIFF/WAVE, PCM 16-bit little-endian (FSDD is 8 kHz mono). Walks the chunks, reads "fmt " and
 * "data", and returns mono samples scaled to [−1, 1) (channels averaged).
 */
export interface WavAudio {
  sampleRate: number;
  samples: Float32Array;
}

export function readWav(bytes: Uint8Array, where?: string): WavAudio {
  const fail = (what: string): never => {
    throw dataError('DATA_NOT_WAV', `This is not a 16-bit PCM WAV file: ${what}.`, 'Give a .wav recorded as 16-bit PCM.', where);
  };
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || text(0) !== 'RIFF' || text(8) !== 'WAVE') fail('it has no RIFF/WAVE header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  let format = 0;
  while (at + 8 <= bytes.length) {
    const id = text(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      format = view.getUint16(body, true);
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
    } else if (id === 'data') {
      if (format !== 1 || bits !== 16 || channels < 1) fail(`format ${format}, ${bits} bits, ${channels} channels`);
      const frames = Math.floor(Math.min(size, bytes.length - body) / (2 * channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0; c < channels; c++) sum += view.getInt16(body + 2 * (i * channels + c), true);
        samples[i] = sum / channels / 32768;
      }
      return { sampleRate, samples };
    }
    at = body + size + (size & 1);
  }
  return fail('it has no data chunk');
}
