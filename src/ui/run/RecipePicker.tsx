/**
 * The Run panel's recipe picker: choosing a tuned recipe (../../engine/train/recipes/,
 * docs/recipes.md) fills the form with its dataset and settings (every setting it leaves out goes
 * back to the lab's default); the graph is left as it is, and the hint names the recipe's network.
 */
import { useState } from 'react';
import { RECIPES, recipeByName } from '../../engine/train/recipes';
import { DEFAULT_SETTINGS, settingsPatchOf, useRunStore } from '../state/runStore';
import { RunField } from './RunField';

export function RecipePicker() {
  const update = useRunStore((s) => s.update);
  const [chosen, setChosen] = useState('');
  const recipe = recipeByName(chosen);
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
      {recipe && <p className="run-hint">Settings of “{recipe.label}” (test accuracy {(recipe.expected.testAccuracy.mean * 100).toFixed(1)} % when tuned); its network: {Object.entries(recipe.network).map(([k, v]) => `${k} ${v}`).join(', ')}.</p>}
    </>
  );
}
