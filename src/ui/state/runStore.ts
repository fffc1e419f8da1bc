/**
 * Run settings (what the Run panel edits, saved with the workspace), starting from the lab's
 * training defaults (../../engine/train/defaults.ts, which the CLI reads too), and the Run panel's
 * stimulus.
 */
import { create } from 'zustand';
import type { ResolvedStimulus } from '../../engine/stimuli/validate';
import type { SurrogateName } from '../../engine/surrogates/types';
import { TRAINING_DEFAULTS, type TrainingDefaults } from '../../engine/train/defaults';
import type { ScheduleKind } from '../../engine/train/schedule';
import type { TrainConfig } from '../../engine/train/types';

/** The training defaults as the form holds them (surrogate and schedule flat), plus what only the page picks. */
export interface RunSettings extends Omit<TrainingDefaults, 'surrogate' | 'schedule'> {
  /** Dataset set id from the manifest ("digits", "nmnist40"…), or null when none fits. */
  dataset: string | null;
  surrogate: SurrogateName;
  slope: number;
  /** Learning-rate schedule (../../engine/train/schedule.ts) and its numbers, kept flat so the workspace restores them. */
  schedule: ScheduleKind;
  warmupEpochs: number;
  decayEvery: number;
  decayFactor: number;
  simulateOnly: boolean;
}

const { dt, T, batchSize, epochs, lr, optimizer, surrogate, loss, seed, maxSamples, timeShift, channelShift, schedule, weightDecay, earlyStop, keepBest } = TRAINING_DEFAULTS;

export const DEFAULT_SETTINGS: RunSettings = {
  dataset: null, dt, T, batchSize, epochs, lr, optimizer, surrogate: surrogate.name, slope: surrogate.slope,
  loss, seed, maxSamples, timeShift, channelShift, schedule: schedule.kind, warmupEpochs: 1, decayEvery: 5, decayFactor: 0.5,
  weightDecay, earlyStop, keepBest, simulateOnly: false,
};

/** The settings a partial of the training defaults (a recipe's, ../../engine/train/recipes/) stands for, as the form holds them. */
export function settingsPatchOf(defaults: Readonly<Partial<TrainingDefaults>>): Partial<RunSettings> {
  const { surrogate: spec, schedule: lrSchedule, ...plain } = defaults;
  const patch: Partial<RunSettings> = { ...plain };
  if (spec) Object.assign(patch, { surrogate: spec.name, slope: spec.slope });
  if (lrSchedule?.kind === 'cosine') Object.assign(patch, { schedule: 'cosine', warmupEpochs: lrSchedule.warmupEpochs });
  else if (lrSchedule?.kind === 'step') Object.assign(patch, { schedule: 'step', decayEvery: lrSchedule.everyEpochs, decayFactor: lrSchedule.factor });
  else if (lrSchedule) patch.schedule = 'constant';
  return patch;
}

/** The schedule, weight decay, early stopping and best-weights part of the trainer's config, from the settings. */
export function optimisationConfigOf(settings: RunSettings): Required<Pick<TrainConfig, 'schedule' | 'weightDecay' | 'earlyStop' | 'keepBest'>> {
  const schedule: TrainConfig['schedule'] = settings.schedule === 'cosine' ? { kind: 'cosine', warmupEpochs: settings.warmupEpochs }
    : settings.schedule === 'step' ? { kind: 'step', everyEpochs: settings.decayEvery, factor: settings.decayFactor } : { kind: 'constant' };
  return { schedule, weightDecay: settings.weightDecay, earlyStop: settings.earlyStop, keepBest: settings.keepBest };
}

interface RunSettingsState {
  settings: RunSettings;
  update(patch: Partial<RunSettings>): void;
  replace(settings: RunSettings): void;
}

export const useRunStore = create<RunSettingsState>((set, get) => ({
  settings: DEFAULT_SETTINGS,
  update: (patch) => set({ settings: { ...get().settings, ...patch } }),
  replace: (settings) => set({ settings: { ...DEFAULT_SETTINGS, ...settings } }),
}));

/**
 * The Run panel's stimulus (../run/StimulusForm.tsx): what drives the Input when no dataset fits
 * it, or when the person asks for one. Values in the graph's time unit (seconds, or steps), rates
 * per that unit; kept apart from RunSettings so that editing a stimulus never invalidates a
 * prepared training session.
 */
/** The engine's parameters (../../engine/stimuli/validate.ts) as the form holds them. */
export interface StimulusSettings extends Omit<ResolvedStimulus, 'duration' | 'channels' | 'F'> {
  /** Use the stimulus even though a dataset fits. */
  chosen: boolean;
  /** null: to the end of the run. */
  duration: number | null;
  /** As typed: empty or "all" for every channel, else flat indices "0, 2, 5-7". */
  channels: string;
  /** Steps to simulate. */
  T: number;
}

export const DEFAULT_STIMULUS: StimulusSettings = {
  chosen: false, kind: 'step', amplitude: 1, offset: 0, rate: 100, frequency: 50, onset: 0, duration: null, at: 0, seed: 0, channels: '', T: 200,
};

interface StimulusState {
  stimulus: StimulusSettings;
  updateStimulus(patch: Partial<StimulusSettings>): void;
}

export const useStimulusStore = create<StimulusState>((set, get) => ({
  stimulus: DEFAULT_STIMULUS,
  updateStimulus: (patch) => set({ stimulus: { ...get().stimulus, ...patch } }),
}));
