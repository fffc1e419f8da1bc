import { describe, expect, it } from 'vitest';
import { lifClassifier } from '../../engine/graph/templates';
import { removeItems } from '../../engine/graph/ops';
import { analyse, connectionProblem } from './analysis';

describe('connection validation', () => {
  const graph = removeItems(lifClassifier({ inputs: 4, hidden: 3, classes: 2 }), [], ['fc1->lif1']);

  it('accepts an edge whose shapes agree', () => {
    expect(connectionProblem(graph, 'fc1', 'lif1')).toBeNull();
  });

  it('refuses a shape mismatch with the reason', () => {
    expect(connectionProblem(graph, 'input', 'lif1')).toMatch(/\[4\]|\[3\]/);
  });

  it('refuses edges into an Input', () => {
    expect(connectionProblem(graph, 'lif1', 'input')).toMatch(/Input/);
  });

  it('caches the analysis per graph', () => {
    expect(analyse(graph)).toBe(analyse(graph));
  });
});
