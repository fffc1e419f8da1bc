/**
 * LiveValues counts the names holding each tensor, and Program's forward over a 20,000-node chain
 * with every population recorded frees each intermediate value and keeps what is recorded, in
 * time linear in the nodes (issue 16: the releaser scanned every record per released value, so
 * `simulate` on a 30,000-node chain took 154 s; now about 5 s).
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { filled, type NirGraph, type NirNode } from '../../graph/types';
import { startNodeBackend } from '../runtime/loaders.node';
import { LiveValues } from './liveValues';
import { Program } from './program';

beforeAll(async () => {
  await startNodeBackend('cpu');
});

function chain(n: number): NirGraph {
  const lif = (): NirNode => ({ type: 'LIF', tau: filled([2], 2), r: filled([2], 1), v_leak: filled([2], 0), v_threshold: filled([2], 1), v_reset: filled([2], 0) });
  const nodes: Record<string, NirNode> = { input: { type: 'Input', shape: [2] }, output: { type: 'Output', shape: [2] } };
  const edges: Array<[string, string]> = [];
  let prev = 'input';
  for (let i = 0; i < n; i++) {
    nodes[`n${i}`] = i % 2 ? { type: 'Scale', scale: filled([2], 1) } : lif();
    edges.push([prev, `n${i}`]);
    prev = `n${i}`;
  }
  edges.push([prev, 'output']);
  return { type: 'NIRGraph', nodes, edges };
}

describe('LiveValues', () => {
  it('counts the names that hold each tensor through set, overwrite and delete', () => {
    const a = tf.scalar(1);
    const b = tf.scalar(2);
    const values = new LiveValues();
    values.set('x', a).set('y', a).set('z', b);
    expect([values.holders(a), values.holders(b)]).toEqual([2, 1]);
    values.set('y', b);
    expect([values.holders(a), values.holders(b)]).toEqual([1, 2]);
    values.delete('x');
    values.delete('nothing');
    expect([values.holders(a), values.holders(b), values.size]).toEqual([0, 2, 2]);
    values.clear();
    expect(values.holders(b)).toBe(0);
    tf.dispose([a, b]);
  });
});

describe('Program.forward on a long chain', () => {
  it('records 10,000 populations of a 20,000-node chain, frees the rest, in linear time', () => {
    const program = new Program(chain(20_000), { dt: 1, surrogate: { name: 'superspike', slope: 25 } });
    try {
      const before = tf.memory().numTensors;
      const started = performance.now();
      const kept = tf.tidy(() => {
        const result = program.forward(tf.ones([3, 1, 2]), { record: 'all', recordMembrane: true });
        const list = Object.values(result.records).flatMap((r) => (r.membrane ? [r.out, r.membrane] : [r.out]));
        return [result.output, ...list];
      });
      const ms = performance.now() - started;
      expect(kept.length).toBe(1 + 2 * 10_000);
      expect(tf.memory().numTensors - before).toBe(kept.length);
      expect(ms).toBeLessThan(60_000); // was quadratic: ~4.5·10^8 record comparisons for 30,000 nodes
      tf.dispose(kept);
    } finally {
      program.dispose();
    }
  }, 120_000);
});
