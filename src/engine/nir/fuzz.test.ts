/**
 * Hostile input never crashes or hangs the reader: truncated files, flipped bytes, a huge declared
 * dataset shape and absurdly deep nesting all end in a SpikelabError with a NIR_ code (or, for a
 * harmless flip, in a graph). Work is bounded: seeded, ~150 reads of small files.
 */
import { mulberry32 } from '../core/rng';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpikelabError } from '../core/errors';
import { NODE_TYPES, filled, type NirGraph } from '../graph/types';
import { readNir } from './readNir';
import { writeNir } from './writeNir';
import { FIXTURES, bytesOf } from './testing/fixtures';

/** A seeded uniform stream in [0, 1): mulberry32, the same on every machine. */
function rng(seed: number): () => number {
  const stream = mulberry32(seed >>> 0);
  return () => stream.uniform();
}

/** Reads `bytes`; returns 'ok' or the error code, failing the test on anything but a SpikelabError. */
async function outcome(bytes: Uint8Array): Promise<string> {
  try {
    const result = await readNir(bytes);
    for (const node of Object.values(result.graph.nodes)) expect(NODE_TYPES).toContain(node.type);
    return 'ok';
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(SpikelabError);
    expect((error as SpikelabError).code).toMatch(/^NIR_/);
    return (error as SpikelabError).code;
  }
}

const small = bytesOf(join(FIXTURES, 'metadata.nir'));

describe('readNir on damaged input', () => {
  it('refuses every truncation with NIR_TRUNCATED or another NIR_ code', async () => {
    const cuts = [0, 1, 7, 8, 100, 512, 1000, 2048, 4096, 8000, 16000, 24000, 32000, 40000, small.length - 1000, small.length - 1];
    const codes = [];
    for (const cut of cuts) codes.push(await outcome(small.slice(0, cut)));
    expect(codes[0]).toBe('NIR_EMPTY');
    expect(codes[1]).toBe('NIR_NOT_HDF5');
    expect(codes.slice(3), codes.join(' ')).toEqual(cuts.slice(3).map(() => 'NIR_TRUNCATED'));
  });

  it('survives 120 single-byte flips (error code or a graph, never a crash)', async () => {
    const random = rng(42);
    const seen = new Map<string, number>();
    for (let i = 0; i < 120; i++) {
      const bytes = small.slice();
      const at = Math.floor(random() * bytes.length);
      bytes[at] ^= 1 + Math.floor(random() * 255);
      const code = await outcome(bytes);
      seen.set(code, (seen.get(code) ?? 0) + 1);
    }
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(120);
    // Flips land in headers, B-trees, names and data alike: most files still read, some are refused.
    expect(seen.get('ok') ?? 0).toBeGreaterThan(0);
  });

  it('refuses a dataset that declares a huge shape', async () => {
    // shd_rsnn_flat.nir holds fc1.weight of shape (128, 700): its dataspace message stores the dims
    // as two 8-byte little-endian numbers; declare 700 → 2^40 instead.
    const bytes = bytesOf(join(FIXTURES, 'shd_rsnn_flat.nir'));
    const dims = [0x80, 0, 0, 0, 0, 0, 0, 0, 0xbc, 0x02, 0, 0, 0, 0, 0, 0];
    let patched = 0;
    for (let i = 0; i + dims.length <= bytes.length; i++) {
      if (dims.every((b, j) => bytes[i + j] === b)) {
        bytes.set([0, 0, 0, 0, 0, 1, 0, 0], i + 8);
        patched += 1;
      }
    }
    expect(patched).toBeGreaterThan(0);
    const code = await outcome(bytes);
    expect(code).not.toBe('ok');
  });

  it('names a compression filter it cannot decode and says how to re-save', async () => {
    // Filter pipeline messages (version 1) of cuba_snn.nir: id 1 (deflate), name length 8, flags,
    // one client value, then the name "deflate". Declare id 32001 (Blosc) instead.
    const bytes = bytesOf(join(FIXTURES, 'cuba_snn.nir'));
    const name = [...new TextEncoder().encode('deflate')];
    let patched = 0;
    for (let i = 8; i + name.length <= bytes.length; i++) {
      if (bytes[i - 8] === 1 && bytes[i - 7] === 0 && name.every((b, j) => bytes[i + j] === b)) {
        bytes.set([0x01, 0x7d], i - 8);
        patched += 1;
      }
    }
    expect(patched).toBeGreaterThan(0);
    const error = await readNir(bytes).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NIR_UNSUPPORTED_FILTER' });
    expect((error as Error).message).toMatch(/Blosc/);
    expect((error as SpikelabError).hint).toMatch(/gzip/);
  });

  it('refuses graphs nested deeper than the reader allows', async () => {
    let graph: NirGraph = { type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [2] }, scale: { type: 'Scale', scale: filled([2], 1) }, output: { type: 'Output', shape: [2] } }, edges: [['input', 'scale'], ['scale', 'output']] };
    for (let depth = 0; depth < 40; depth++) {
      graph = { type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [2] }, inner: graph, output: { type: 'Output', shape: [2] } }, edges: [['input', 'inner'], ['inner', 'output']] };
    }
    const bytes = await writeNir(graph);
    expect(await outcome(bytes)).toBe('NIR_TOO_DEEP');
  });
});
