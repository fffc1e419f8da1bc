/** Wrong files are named for what they are before any HDF5 parsing (NIR_NOT_HDF5 / NIR_EMPTY). */
import { describe, expect, it } from 'vitest';
import { readNir } from './readNir';

const text = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(64).fill(0)]);

describe('readNir sniffing', () => {
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['JSON', text('{"type": "NIRGraph", "nodes": {}}'), /JSON/],
    ['a PyTorch checkpoint', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...text('archive/data.pkl')]), /PyTorch/],
    ['a zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...text('model.onnx')]), /zip/],
    ['a pickle', bytes(0x80, 0x04, 0x95), /pickle/],
    ['a NumPy array', new Uint8Array([0x93, ...text('NUMPY'), 1, 0]), /NumPy/],
    ['gzip', bytes(0x1f, 0x8b, 0x08), /gzip/],
    ['an HTML page', text('<!DOCTYPE html><html>'), /HTML/],
    ['plain text', text('hello, this is not a network'), /text/],
  ];
  for (const [what, input, pattern] of cases) {
    it(`says the file looks like ${what}`, async () => {
      const error = await readNir(input).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'NIR_NOT_HDF5' });
      expect((error as Error).message).toMatch(pattern);
    });
  }

  it('says an empty file is empty', async () => {
    await expect(readNir(new Uint8Array(0))).rejects.toMatchObject({ code: 'NIR_EMPTY' });
  });
});
