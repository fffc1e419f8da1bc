/**
 * The recipe catalogue: one tuned recipe per shipped dataset (docs/recipes.md), read by the Run
 * panel's picker and `spikelab train --recipe NAME`.
 */
import { brailleRecipe } from './braille';
import { digitsRecipe } from './digits';
import { fsddRecipe } from './fsdd';
import { mnistRecipe } from './mnist';
import { nmnistRecipe } from './nmnist';
import type { Recipe } from './types';

export type { AccuracySummary, Recipe, RecipeExpected } from './types';
export { buildNetwork, type RecipeNetwork } from './networks';

export const RECIPES: readonly Recipe[] = [digitsRecipe, mnistRecipe, fsddRecipe, brailleRecipe, nmnistRecipe];

/** The recipe called `name`, or undefined. */
export function recipeByName(name: string): Recipe | undefined {
  return RECIPES.find((recipe) => recipe.name === name);
}
