import { describe, expect, it } from 'vitest';
import { lifClassifier, nmnistConvNet } from '../../engine/graph/templates';
import type { NirGraph } from '../../engine/graph/types';
import type { SimulationRecord } from '../../engine/train/types';
import { analyse } from '../state/analysis';
import { recordFitsGraph } from './recordFit';

const recordOf = (layers: Array<[string, string, number?]>): SimulationRecord => ({
  T: 1, label: 0, prediction: 0, input: new Float32Array(1), inputShape: [1],
  layers: layers.map(([name, type, size]) => ({ name, type, output: 'spikes', size: size ?? 1, threshold: 1 })),
});
const fits = (record: SimulationRecord, graph: NirGraph) => recordFitsGraph(record, graph, analyse(graph).shapes);

describe('record fits graph', () => {
  const net = lifClassifier({ inputs: 4, hidden: 3, classes: 2 });

  // The digits classifier records lif1 (LIF, 3 here) and readout (LI, 2); the conv net has layers of those names and types too.
  const record = recordOf([['lif1', 'LIF', 3], ['readout', 'LI', 2]]);

  it('accepts a record of the graph on the canvas', () => {
    expect(fits(record, net)).toBe(true);
  });

  it('refuses a record of another graph with the same layer names, or of a retyped layer', () => {
    expect(fits(record, nmnistConvNet())).toBe(false);
    expect(fits(recordOf([['lif1', 'CubaLIF', 3]]), net)).toBe(false);
    expect(fits(recordOf([['gone', 'LIF', 3]]), net)).toBe(false);
    expect(fits(recordOf([]), net)).toBe(false);
  });

  it('follows dotted names into subgraphs', () => {
    const nested: NirGraph = { type: 'NIRGraph', nodes: { block: net }, edges: [] };
    expect(fits(recordOf([['block.lif1', 'LIF']]), nested)).toBe(true);
    expect(fits(recordOf([['lif1.x', 'LIF']]), net)).toBe(false);
  });
});
