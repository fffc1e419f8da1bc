/** The surrogate catalogue, by name. */
import { boxcar } from './boxcar';
import { sigmoid } from './sigmoid';
import { snntorchAtan } from './snntorchAtan';
import { spyxArctan } from './spyxArctan';
import { straightThrough } from './straightThrough';
import { superspike } from './superspike';
import { tanh } from './tanh';
import { triangular } from './triangular';
import type { SurrogateDef, SurrogateName, SurrogateSpec } from './types';

export type { SurrogateDef, SurrogateName, SurrogateSpec } from './types';

export const SURROGATES: Record<SurrogateName, SurrogateDef> = {
  superspike, spyx_arctan: spyxArctan, snntorch_atan: snntorchAtan, sigmoid, tanh, boxcar, triangular,
  straight_through: straightThrough,
};

export const SURROGATE_NAMES = Object.keys(SURROGATES) as SurrogateName[];

export function isSurrogateName(value: unknown): value is SurrogateName {
  return typeof value === 'string' && value in SURROGATES;
}

/** The surrogate with its default slope (Spyx's default activation is superspike, k = 25). */
export function surrogateSpec(name: SurrogateName = 'superspike', slope?: number): SurrogateSpec {
  return { name, slope: slope ?? SURROGATES[name].defaultSlope };
}
