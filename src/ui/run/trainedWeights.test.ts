import { describe, expect, it } from 'vitest';
import { lifClassifier } from '../../engine/graph/templates';
import { filled } from '../../engine/graph/types';
import { holdsTrainedParameters, withTrainedParameters, withUntrainedParameters } from './trainedWeights';

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

  it('puts the untrained parameters back, keeping what was edited since training', () => {
    const initial = lifClassifier({ inputs: 4, hidden: 3, classes: 2 });
    const fromTrainer = structuredClone(initial);
    const trained = withTrainedParameters(initial, fromTrainer);
    expect(holdsTrainedParameters(trained, initial, trained)).toBe(true);
    expect(holdsTrainedParameters(initial, initial, trained)).toBe(false);
    const lif = trained.nodes.lif1;
    if (lif.type !== 'LIF') throw new Error('fixture');
    const edited = { ...trained, nodes: { ...trained.nodes, lif1: { ...lif, tau: filled([3], 0.05) } } };
    const reset = withUntrainedParameters(edited, initial, trained);
    const fc1 = (g: typeof initial) => (g.nodes.fc1.type === 'Affine' ? g.nodes.fc1.weight : null);
    expect(fc1(reset)).toBe(fc1(initial));
    expect(reset.nodes.lif1.type === 'LIF' && reset.nodes.lif1.tau).toBe(edited.nodes.lif1.tau); // edited since: kept
    expect(holdsTrainedParameters(reset, initial, trained)).toBe(false);
  });
});
