/**
 * A recipe: a network, run settings and augmentation tuned for one shipped dataset, with what it
 * reached when it was tuned (docs/recipes.md). The Run panel's picker and `spikelab train
 * --recipe NAME` apply `network` and `settings`; every setting a recipe leaves out is the lab's
 * default (../defaults.ts).
 */
import type { TrainingDefaults } from '../defaults';
import type { RecipeNetwork } from './networks';

/** Test accuracy over the seeds run: mean and spread (max − min), fractions of 1. */
export interface AccuracySummary {
  mean: number;
  spread: number;
}

/** What the recipe reached on the shipped test split when it was tuned. */
export interface RecipeExpected {
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

export interface Recipe {
  /** Stable id: `--recipe NAME`. */
  name: string;
  label: string;
  /** A shipped set's id (public/datasets/manifest.json). */
  dataset: string;
  network: RecipeNetwork;
  settings: Readonly<Partial<TrainingDefaults>>;
  expected: RecipeExpected;
}
