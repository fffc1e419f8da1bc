/**
 * A recipe: a network, run settings and augmentation for one dataset (shipped, or fetched from the
 * web), with what it reached when it was tuned (docs/recipes.md). The Run panel's picker and `spikelab train
 * --recipe NAME` apply `network` and `settings`; every setting a recipe leaves out is the lab's
 * default (../defaults.ts). A recipe that could not be run here says why instead of giving figures.
 */
import type { TrainingDefaults } from '../defaults';
import type { RecipeNetwork } from './networks';

/** Test accuracy over the seeds run: mean and spread (max − min), fractions of 1. */
export interface AccuracySummary {
  mean: number;
  spread: number;
}

/** What the recipe reached on the shipped test split when it was tuned here. */
export interface RecipeMeasured {
  /** Test accuracy a run ends with (best test epoch's weights, keep-best on) over `seeds`. */
  testAccuracy: AccuracySummary;
  /** Training seconds (the CLI's `done.seconds`), mean over `seeds`. */
  seconds: number;
  seeds: readonly number[];
  /** Where it was measured (cores, backend). */
  machine: string;
  /** The command that reproduces one seed's run (replace the seed). */
  command: string;
}

/** A recipe that could not be run here (its data must be fetched, it wants a GPU): why, and the published figures it follows. */
export interface RecipeNotMeasured {
  /** Why there are no figures of the lab's own. */
  notMeasured: string;
  /** What the work it follows reported, with the source (docs/recipes.md has the details). */
  published: string;
  /** The command that runs it (replace the seed). */
  command: string;
}

/** Measured figures, or the reason there are none: a recipe never states figures nobody measured. */
export type RecipeExpected = RecipeMeasured | RecipeNotMeasured;

export function isMeasured(expected: RecipeExpected): expected is RecipeMeasured {
  return !('notMeasured' in expected);
}

export interface Recipe {
  /** Stable id: `--recipe NAME`. */
  name: string;
  label: string;
  /** A shipped set's id (public/datasets/manifest.json), or a web dataset's (../../datasets/remote/catalogue.ts), which must be fetched first. */
  dataset: string;
  network: RecipeNetwork;
  settings: Readonly<Partial<TrainingDefaults>>;
  expected: RecipeExpected;
}
