import { describe, expect, it } from 'vitest';
import { lifClassifier } from '../../engine/graph/templates';
import { filled } from '../../engine/graph/types';
import { withTrainedParameters } from './trainedWeights';

describe('trained weights', () => {
  it('takes parameters of matching shape and keeps the editor metadata', () => {
    const graph = lifClassifier({ inputs: 4, hidden: 3, classes: 2 });
    const trained = structuredClone(graph);
    trained.metadata = {};
    const fc1 = trained.nodes.fc1;
    if (fc1.type !== 'Affine') throw new Error('fixture');
    fc1.bias = filled([3], 0.5);
    fc1.weight = filled([9, 9], 1); // wrong shape: ignored
    const merged = withTrainedParameters(graph, trained);
    const out = merged.nodes.fc1;
    expect(out.type === 'Affine' && Array.from(out.bias.data)).toEqual([0.5, 0.5, 0.5]);
    expect(out.type === 'Affine' && out.weight).toBe(graph.nodes.fc1.type === 'Affine' && graph.nodes.fc1.weight);
    expect(merged.metadata).toBe(graph.metadata);
  });

  it('returns the same graph when nothing changed', () => {
    const graph = lifClassifier({ inputs: 4, hidden: 3, classes: 2 });
    expect(withTrainedParameters(graph, graph)).toBe(graph);
  });
});
