/**
 * The loss catalogue, by name: what the Run panel's dropdown, the CLI's `--loss` choices and the
 * trainer's LossName all come from. One file per loss holds its label, equation and readout.
 */
import { integralCe } from './integralCe';
import { maxMembraneCe } from './maxMembraneCe';
import { meanMembraneCe } from './meanMembraneCe';
import { mseSpikerate } from './mseSpikerate';
import { normMaxMembraneCe } from './normMaxMembraneCe';
import { spikeCountCe } from './spikeCountCe';
import type { LossDef } from './types';

export type { LossDef, LossReadout } from './types';

const CATALOGUE = [meanMembraneCe, integralCe, spikeCountCe, maxMembraneCe, normMaxMembraneCe, mseSpikerate] as const;

export type LossName = (typeof CATALOGUE)[number]['name'];

export const LOSSES = Object.fromEntries(CATALOGUE.map((loss) => [loss.name, loss])) as Record<LossName, LossDef>;

export const LOSS_NAMES: readonly LossName[] = CATALOGUE.map((loss) => loss.name);

/** Whether the loss divides its readout by the readout population's DC gain. */
export function isGainNormalised(loss: LossName): boolean {
  return LOSSES[loss].gainNormalised === true;
}

export function isLossName(value: unknown): value is LossName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LOSSES, value);
}
