/** Stimuli for any Input shape: the kinds and their formulas, validation, generation, simulation. */
export type { StimulusGrid, StimulusKind, StimulusParam, StimulusSpec } from './types';
export { PARAM_DEFAULTS, STIMULUS_KINDS, STIMULUS_KIND_NAMES, isStimulusKind, paramMeasure, paramUnit, type StimulusKindInfo } from './kinds';
export { checkStimulus, type ResolvedStimulus } from './validate';
export { generateStimulus, stimulusData } from './generate';
export { stepAt, windowSteps } from './timeGrid';
