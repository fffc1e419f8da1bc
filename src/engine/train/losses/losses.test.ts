import { describe, expect, it } from 'vitest';
import { isGainNormalised, isLossName, LOSS_NAMES, LOSSES } from './index';

describe('the loss catalogue', () => {
  it('names every loss once, under its own name, with a label of its own and a readout', () => {
    expect(LOSS_NAMES).toEqual(['mean_membrane_ce', 'integral_ce', 'spike_count_ce', 'max_membrane_ce', 'norm_max_membrane_ce', 'mse_spikerate']);
    for (const name of LOSS_NAMES) expect(LOSSES[name].name).toBe(name);
    expect(new Set(LOSS_NAMES.map((n) => LOSSES[n].label)).size).toBe(LOSS_NAMES.length);
    expect(LOSS_NAMES.map((n) => LOSSES[n].readout)).toEqual(['mean', 'sum', 'sum', 'max', 'max', 'mean']);
    expect(LOSS_NAMES.filter(isGainNormalised)).toEqual(['mean_membrane_ce', 'norm_max_membrane_ce']);
  });

  it('tells loss names from other strings', () => {
    expect(LOSS_NAMES.every(isLossName)).toBe(true);
    for (const other of ['', 'mse', 'toString', '__proto__', 3, undefined]) expect(isLossName(other)).toBe(false);
  });
});
