/**
 * Node names are data (issue 16): a population called `__proto__`, `constructor` or `toString`
 * compiles, runs and is recorded like any other (records keyed by names have no prototype).
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { lifClassifier } from '../../graph/templates';
import type { NirGraph } from '../../graph/types';
import { startNodeBackend } from '../runtime/loaders.node';
import { Program } from './program';

function renamed(graph: NirGraph, from: string, to: string): NirGraph {
  const nodes = Object.create(null) as NirGraph['nodes'];
  for (const [name, node] of Object.entries(graph.nodes)) nodes[name === from ? to : name] = node;
  const edges = graph.edges.map(([a, b]) => [a === from ? to : a, b === from ? to : b] as [string, string]);
  return { ...graph, nodes, edges };
}

beforeAll(async () => {
  await startNodeBackend();
});

describe('node names that are Object.prototype keys', () => {
  for (const name of ['__proto__', 'constructor', 'toString']) {
    it(`runs and records a population named ${name}`, () => {
      const graph = renamed(lifClassifier({ inputs: 4, hidden: 3, classes: 2 }, 1), 'lif1', name);
      const program = new Program(graph, { dt: 1e-3, surrogate: { name: 'superspike', slope: 25 } });
      const x = tf.ones([5, 2, 4]);
      const { output, records } = program.forward(x, { record: 'all', recordMembrane: true });
      expect(Object.prototype.hasOwnProperty.call(records, name)).toBe(true);
      expect(records[name].out.shape).toEqual([5, 2, 3]);
      expect(output.shape[output.shape.length - 1]).toBe(2);
      tf.dispose([x, output, ...Object.values(records).flatMap((r) => [r.out, r.membrane].filter((t): t is tf.Tensor => !!t))]);
      program.dispose();
    });
  }
});
