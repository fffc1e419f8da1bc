/**
 * The networks recipes train, sized to a dataset: each kind is a template of
 * ../../graph/templates.ts with its width, built with the template's own seeded weights, so a
 * recipe and a seed always give the same network.
 */
import { lifClassifier, recurrentLifClassifier, type ClassifierSize } from '../../graph/templates';
import type { NirGraph } from '../../graph/types';

export type RecipeNetwork =
  /** Input → Affine → `hidden` LIF → Affine → LI (templates.ts lifClassifier; the CLI's `--hidden`). */
  | { kind: 'lif'; hidden: number }
  /** As 'lif' with a recurrent Linear on the LIF layer (templates.ts recurrentLifClassifier). */
  | { kind: 'recurrent-lif'; hidden: number };

/** The recipe's network for a set of `inputs` features (flattened) and `classes` classes. */
export function buildNetwork(network: RecipeNetwork, inputs: number, classes: number, seed: number): NirGraph {
  const size = (hidden: number): ClassifierSize => ({ inputs, hidden, classes });
  switch (network.kind) {
    case 'lif': return lifClassifier(size(network.hidden), seed);
    case 'recurrent-lif': return recurrentLifClassifier(size(network.hidden), seed);
  }
}
