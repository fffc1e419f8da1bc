/**
 * A recipe's network on the canvas (the Run panel's "Use its network"): the network the CLI's
 * `spikelab train --recipe NAME` builds (../../engine/train/recipes/networks.ts), sized to the
 * recipe's dataset (its features and classes) and drawn with the run's seed, opened as a new graph
 * (one undo step, as a template). It needs the dataset's shape, so a dataset from the web must be
 * fetched first.
 */
import type { ManifestSet } from '../../engine/datasets/manifest';
import { sizeOf, type NirGraph } from '../../engine/graph/types';
import { buildNetwork, type Recipe } from '../../engine/train/recipes';
import { openGraph, positionsFor } from '../editor/graphCommands';

/** The recipe's network for its dataset among `sets`, or why it cannot be built yet. */
export function recipeNetworkFor(recipe: Recipe, sets: readonly ManifestSet[], seed: number): { graph: NirGraph } | { unavailable: string } {
  const set = sets.find((s) => s.id === recipe.dataset);
  if (!set) return { unavailable: `Its network is sized to ${recipe.dataset}, which is not here yet: fetch it first.` };
  return { graph: buildNetwork(recipe.network, sizeOf(set.featureShape), set.classes.length, seed) };
}

/** Opens the recipe's network as the canvas's graph; false when it cannot be built (see recipeNetworkFor). */
export async function openRecipeNetwork(recipe: Recipe, sets: readonly ManifestSet[], seed: number): Promise<boolean> {
  const built = recipeNetworkFor(recipe, sets, seed);
  if ('unavailable' in built) return false;
  openGraph(built.graph, `recipe ${recipe.name}`, await positionsFor(built.graph));
  return true;
}
