/**
 * The recipe catalogue: one tuned recipe per shipped dataset (N-MNIST's as a dense and as a conv
 * net), and the Spyx paper's for SHD from the web (docs/recipes.md), read by the Run panel's
 * picker and `spikelab train --recipe NAME`.
 */
import { brailleRecipe } from './braille';
import { digitsRecipe } from './digits';
import { fsddRecipe } from './fsdd';
import { mnistRecipe } from './mnist';
import { nmnistRecipe } from './nmnist';
import { nmnistConvRecipe } from './nmnistConv';
import { shdSpyxRecipe } from './shd';
import type { Recipe } from './types';

export { isMeasured, type AccuracySummary, type Recipe, type RecipeExpected, type RecipeMeasured, type RecipeNotMeasured } from './types';
export { buildNetwork, type RecipeNetwork } from './networks';

export const RECIPES: readonly Recipe[] = [digitsRecipe, mnistRecipe, fsddRecipe, brailleRecipe, nmnistRecipe, nmnistConvRecipe, shdSpyxRecipe];

/** The recipe called `name`, or undefined. */
export function recipeByName(name: string): Recipe | undefined {
  return RECIPES.find((recipe) => recipe.name === name);
}
