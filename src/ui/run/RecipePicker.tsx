/**
 * The Run panel's recipe picker: choosing a tuned recipe (../../engine/train/recipes/,
 * docs/recipes.md) fills the form with its dataset and settings (every setting it leaves out goes
 * back to the lab's default); the graph is left as it is, and the hint names the recipe's network,
 * what it reached when tuned (or why it was not measured), and, for a dataset from the web not yet
 * fetched, where to fetch it. "Use its network" puts the recipe's own network on the canvas
 * (./recipeNetwork.ts; the graph before it is one Undo away).
 */
import { useState } from 'react';
import { findWebDataset } from '../../engine/datasets/remote/catalogue';
import { isMeasured, RECIPES, recipeByName, type RecipeExpected } from '../../engine/train/recipes';
import { useDatasetStore } from '../state/datasetStore';
import { DEFAULT_SETTINGS, settingsPatchOf, useRunStore } from '../state/runStore';
import { RunField } from './RunField';
import { openRecipeNetwork, recipeNetworkFor } from './recipeNetwork';

const expectedText = (expected: RecipeExpected) => (isMeasured(expected)
  ? `test accuracy ${(expected.testAccuracy.mean * 100).toFixed(1)} % when tuned` : `${expected.notMeasured}; ${expected.published}`);

export function RecipePicker() {
  const update = useRunStore((s) => s.update);
  const [chosen, setChosen] = useState('');
  const recipe = recipeByName(chosen);
  const sets = useDatasetStore((s) => s.sets);
  const toFetch = recipe && !sets.some((set) => set.id === recipe.dataset) ? findWebDataset(recipe.dataset) : undefined;
  const seed = useRunStore((s) => s.settings.seed);
  const network = recipe && recipeNetworkFor(recipe, sets, seed);
  return (
    <>
      <RunField label="Recipe">{(id) => (
        <select id={id} value={chosen} onChange={(e) => {
          setChosen(e.target.value);
          const picked = recipeByName(e.target.value);
          const { simulateOnly } = useRunStore.getState().settings;
          if (picked) update({ ...DEFAULT_SETTINGS, simulateOnly, dataset: picked.dataset, ...settingsPatchOf(picked.settings) });
        }}>
          <option value="">— none —</option>
          {RECIPES.map((r) => <option key={r.name} value={r.name}>{r.label}</option>)}
        </select>
      )}</RunField>
      {recipe && <p className="run-hint">Settings of “{recipe.label}” ({expectedText(recipe.expected)}); its network: {Object.entries(recipe.network).map(([k, v]) => `${k} ${v}`).join(', ')}.{' '}
        <button type="button" className="small" disabled={!network || 'unavailable' in network} title={network && 'unavailable' in network ? network.unavailable : 'Put the recipe\'s network on the canvas, sized to its dataset and drawn with the seed (Undo brings the current graph back)'}
          onClick={() => void openRecipeNetwork(recipe, sets, seed)}>Use its network</button></p>}
      {toFetch && <p className="run-hint" role="note">{toFetch.name} comes from the web: fetch it under Datasets from the web below (CLI: <code>spikelab datasets fetch {toFetch.id}</code>); the recipe then trains on it.</p>}
    </>
  );
}
