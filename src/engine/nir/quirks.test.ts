/**
 * Exporter quirks the fixtures do not cover, built as HDF5 trees the way each exporter lays them
 * out (docs/specs/nir.md §10, §11): snnTorch (batch dim on Input/Output, 0-d parameters, no
 * v_reset, duplicated and shuffled edges), Lava's script (integer node names and int64 edges,
 * τ = ∞), nir.write of an empty edge list (float64 (0,)), Spyx's recurrent subgraph layout.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeH5, type H5WriteDataset, type H5WriteGroup } from '../hdf5';
import type { NirGraph } from '../graph/types';
import { readNir } from './readNir';
import { FIXTURES, bytesOf } from './testing/fixtures';

const str = (s: string): H5WriteDataset => ({ kind: 'dataset', dtype: 'string', shape: [], value: [s] });
const f32 = (shape: number[], value: number[]): H5WriteDataset => ({ kind: 'dataset', dtype: 'float32', shape, value });
const i64 = (shape: number[], value: number[]): H5WriteDataset => ({ kind: 'dataset', dtype: 'int64', shape, value });
const node = (type: string, params: Record<string, H5WriteDataset> = {}): H5WriteGroup => ({ kind: 'group', children: { type: str(type), ...params } });
const edges = (pairs: Array<[string, string]>): H5WriteDataset => ({ kind: 'dataset', dtype: 'string', shape: [pairs.length, 2], value: pairs.flat() });
const graph = (nodes: Record<string, H5WriteGroup>, e: H5WriteDataset): H5WriteGroup => ({ kind: 'group', children: { type: str('NIRGraph'), nodes: { kind: 'group', children: nodes }, edges: e } });
const file = async (top: H5WriteGroup) => writeH5({ kind: 'group', children: { version: str('0.2.0'), node: top } });
const codes = (warnings: Array<{ code: string }>) => warnings.map((w) => w.code);

describe('tolerant reading of exporter quirks', () => {
  it('snnTorch: batch dims, 0-d parameters, no v_reset, duplicated shuffled edges', async () => {
    const lif = node('LIF', { tau: f32([], [0.002]), r: f32([], [20]), v_leak: f32([], [0]), v_threshold: f32([1], [1]) });
    const top = graph({
      input: node('Input', { shape: i64([2], [1, 3]) }),
      fc: node('Affine', { weight: f32([4, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), bias: f32([4], [0, 0, 0, 0]) }),
      lif,
      output: node('Output', { shape: i64([2], [1, 4]) }),
    }, edges([['fc', 'lif'], ['lif', 'output'], ['input', 'fc'], ['fc', 'lif']]));
    const { graph: g, warnings, dtGuess } = await readNir(await file(top));
    expect(codes(warnings)).toEqual(expect.arrayContaining(['NIR_SINGLETON_DIMS', 'NIR_SCALAR_PARAMS', 'NIR_LEGACY_NO_V_RESET', 'NIR_DUPLICATE_EDGE']));
    expect(g.nodes.input).toMatchObject({ shape: [3] });
    expect(g.nodes.output).toMatchObject({ shape: [4] });
    const l = g.nodes.lif as Extract<NirGraph['nodes'][string], { type: 'LIF' }>;
    for (const p of [l.tau, l.r, l.v_leak, l.v_threshold, l.v_reset]) expect(p.shape).toEqual([4]);
    expect(l.tau.data[3]).toBeCloseTo(0.002, 9);
    expect(g.edges).toHaveLength(3);
    expect(dtGuess).toMatchObject({ dt: 1e-4, exporter: 'snntorch' });
  });

  it('Lava script: integer-named nodes with int64 edges, τ = ∞ (decay 0)', async () => {
    const inf = Number.POSITIVE_INFINITY;
    const top = graph({
      0: node('Input', { shape: i64([1], [2]) }),
      1: node('Affine', { weight: f32([2, 2], [1, 0, 0, 1]), bias: f32([2], [0, 0]) }),
      2: node('CubaLIF', { tau_syn: f32([2], [inf, inf]), tau_mem: f32([2], [0.01, 0.01]), r: f32([2], [100, 100]), v_leak: f32([2], [0, 0]), v_threshold: f32([2], [1, 1]), v_reset: f32([2], [0, 0]), w_in: f32([2], [1, 1]) }),
      3: node('Output', { shape: i64([1], [2]) }),
    }, i64([3, 2], [0, 1, 1, 2, 2, 3]));
    const { graph: g, warnings } = await readNir(await file(top));
    expect(codes(warnings)).toEqual(expect.arrayContaining(['NIR_INT_EDGES', 'NIR_INFINITE_TAU']));
    expect(g.edges).toEqual([['0', '1'], ['1', '2'], ['2', '3']]);
  });

  it('nir.write of an empty edge list (float64 (0,)): implicit Input/Output added like nir.read', async () => {
    const top = graph({ scale: node('Scale', { scale: f32([3], [1, 2, 3]) }) }, { kind: 'dataset', dtype: 'float64', shape: [0], value: [] });
    const { graph: g, warnings } = await readNir(await file(top));
    expect(codes(warnings)).toEqual(['NIR_IMPLICIT_INPUT', 'NIR_IMPLICIT_OUTPUT']);
    expect(g.nodes.input_scale).toEqual({ type: 'Input', shape: [3] });
    expect(g.edges).toEqual([['input_scale', 'scale'], ['scale', 'output_scale']]);
  });

  it('Spyx: a recurrent layer as a nested subgraph layer_0.{input,lif,w_rec,output}', async () => {
    const lif = node('LIF', { tau: f32([2], [2, 2]), r: f32([2], [0.5, 0.5]), v_leak: f32([2], [0, 0]), v_threshold: f32([2], [1, 1]), v_reset: f32([2], [0, 0]) });
    const sub = graph({
      input: node('Input', { shape: i64([1], [2]) }),
      lif,
      w_rec: node('Linear', { weight: f32([2, 2], [0, 1, 1, 0]) }),
      output: node('Output', { shape: i64([1], [2]) }),
    }, edges([['input', 'lif'], ['lif', 'w_rec'], ['w_rec', 'lif'], ['lif', 'output']]));
    const top = graph({ input: node('Input', { shape: i64([1], [2]) }), layer_0: sub, output: node('Output', { shape: i64([1], [2]) }) }, edges([['input', 'layer_0'], ['layer_0', 'output']]));
    const { graph: g, warnings, dtGuess, shapes } = await readNir(await file(top));
    expect(warnings).toEqual([]);
    expect((g.nodes.layer_0 as NirGraph).edges).toContainEqual(['w_rec', 'lif']);
    expect(shapes['layer_0.lif']).toEqual({ input: [2], output: [2] });
    expect(dtGuess).toMatchObject({ dt: 1, unit: 'step', exporter: 'spyx' });
  });

  it('nir 0.0.x (root /nodes and /edges, July 2023) is refused with its own code', async () => {
    const bytes = await writeH5({ kind: 'group', children: { nodes: { kind: 'group', children: { 0: node('Input', { shape: i64([1], [2]) }) } }, edges: i64([0, 2], []) } });
    await expect(readNir(bytes)).rejects.toMatchObject({ code: 'NIR_LEGACY_UNSUPPORTED' });
  });

  it('opens an inconsistent file on request and says what is wrong (Rockpool braille, upstream/)', async () => {
    const bytes = bytesOf(join(FIXTURES, 'upstream', 'rockpool__tests__braille.nir'));
    await expect(readNir(bytes)).rejects.toMatchObject({ code: 'NIR_SHAPE_MISMATCH' });
    const { graph: g, warnings } = await readNir(bytes, { allowShapeErrors: true });
    expect(Object.keys(g.nodes)).toContain('hidden');
    expect(warnings.filter((w) => w.code === 'NIR_SHAPE_MISMATCH').map((w) => w.message).join(' ')).toMatch(/\[38\].*\[12\]|\[12\].*\[38\]/);
  });
});
