import { describe, expect, it } from 'vitest';
import { ndarray } from '../../engine/graph/types';
import { defaultNode, paramOf } from '../../engine/graph/primitives';
import type { NodeType } from '../../engine/graph/types';
import { fieldsOf, histogram, parseInts, parsePadding, parseScalar, reshapedConnection, resized, uniformValue } from './paramFields';

const field = (type: NodeType, key: string) => paramOf(type, key)!;

describe('parameter fields', () => {
  it('lists a node\'s parameters by kind', () => {
    expect(fieldsOf(defaultNode('Conv2d')).map((f) => `${f.key}:${f.kind}`)).toEqual([
      'weight:array', 'bias:array', 'stride:ints', 'padding:padding', 'dilation:ints', 'groups:int', 'input_shape:ints',
    ]);
  });

  it('refuses a time constant that is not positive, with the reason', () => {
    expect(parseScalar(field('LIF', 'tau'), '0')).toEqual({ ok: false, message: 'tau must be greater than 0.' });
    expect(parseScalar(field('CubaLIF', 'tau_mem'), '2e-2')).toEqual({ ok: true, value: 0.02 });
    expect(parseScalar(field('LIF', 'v_threshold'), 'abc').ok).toBe(false);
  });

  it('parses integer tuples and padding words', () => {
    expect(parseInts(field('Conv2d', 'stride'), '2, 2')).toEqual({ ok: true, value: [2, 2] });
    expect(parseInts(field('Conv2d', 'stride'), '0, 2').ok).toBe(false);
    expect(parseInts(field('Conv2d', 'stride'), '2').ok).toBe(false);
    expect(parsePadding(field('Conv2d', 'padding'), 'SAME')).toEqual({ ok: true, value: 'same' });
    expect(parsePadding(field('Conv2d', 'padding'), '1 1')).toEqual({ ok: true, value: [1, 1] });
  });

  it('tells uniform arrays and bins a histogram', () => {
    expect(uniformValue(ndarray([3], [1, 1, 1]))).toBe(1);
    expect(uniformValue(ndarray([2], [1, 2]))).toBeNull();
    expect(histogram(Float32Array.from([0, 0.5, 1, 1]), 2).counts).toEqual([1, 3]);
  });

  it('resizes element-wise nodes and re-creates connection weights', () => {
    const lif = resized(defaultNode('LIF'), 4);
    expect(lif.type === 'LIF' && lif.tau.shape).toEqual([4]);
    expect(lif.type === 'LIF' && lif.v_threshold.data[0]).toBe(1);
    const affine = reshapedConnection(defaultNode('Affine'), 3, 5);
    expect(affine.type === 'Affine' && [affine.weight.shape, affine.bias.shape]).toEqual([[3, 5], [3]]);
  });
});
