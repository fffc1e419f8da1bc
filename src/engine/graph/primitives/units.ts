/**
 * The unit a parameter is shown with. NIR stores no units (nir.md §4.4): time constants and
 * delays are in the file's own time unit (seconds for snnTorch/Norse, steps for Sinabs/Spyx),
 * potentials and resistances in arbitrary units, weights and gains are plain factors.
 */
import type { ParamSpec, Quantity } from './primitive';

const UNITS: Record<Exclude<Quantity, 'time constant' | 'delay'>, string> = {
  potential: 'a.u.', resistance: 'a.u.', gain: 'gain', size: 'elements', count: '', dimension: '',
};

/** Whether `param` is a duration (a time constant or a delay), in the file's time unit. */
export function isDuration(param: ParamSpec): boolean {
  return param.quantity === 'time constant' || param.quantity === 'delay';
}

/** The unit of `param`, given the run's time unit ("s" unless the file says otherwise). */
export function unitOf(param: ParamSpec, timeUnit = 's'): string {
  return isDuration(param) ? timeUnit : UNITS[param.quantity as keyof typeof UNITS];
}
