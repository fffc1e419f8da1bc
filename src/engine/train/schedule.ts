/**
 * Learning-rate schedules, per optimisation step s = 0, 1, … (the step about to be taken), with
 * E = steps per epoch, S = the run's total steps and lr₀ the configured rate:
 *   constant                 lr_s = lr₀
 *   cosine, warm-up W epochs lr_s = lr₀·(s + 1)/(W·E)                            for s < W·E
 *                            lr_s = lr₀·½·(1 + cos(π·(s − W·E)/(S − W·E)))        after
 *                            (linear warm-up to lr₀, then half a cosine down to 0 at step S)
 *   step, every k, factor f  lr_s = lr₀·f^⌊epoch/k⌋,  epoch = ⌊s/E⌋
 * S is the session's current budget: Continue (more epochs) stretches the cosine to the new end.
 * Framework-free: the session (../tensor/train/session.ts) sets the optimiser's rate from it.
 */
import { SpikelabError } from '../core/errors';

export type LrSchedule =
  | { kind: 'constant' }
  | { kind: 'cosine'; warmupEpochs: number }
  | { kind: 'step'; everyEpochs: number; factor: number };

export type ScheduleKind = LrSchedule['kind'];

export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['constant', 'cosine', 'step'];

export interface ScheduleClock {
  /** The step about to be taken, 0-based. */
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
}

export function learningRateAt(schedule: LrSchedule, lr: number, { step, stepsPerEpoch, totalSteps }: ScheduleClock): number {
  if (schedule.kind === 'step') return lr * schedule.factor ** Math.floor(step / Math.max(stepsPerEpoch, 1) / schedule.everyEpochs);
  if (schedule.kind === 'constant') return lr;
  const warmup = schedule.warmupEpochs * stepsPerEpoch;
  if (step < warmup) return (lr * (step + 1)) / warmup;
  const rest = Math.max(totalSteps - warmup, 1);
  return lr * 0.5 * (1 + Math.cos((Math.PI * Math.min(step - warmup, rest)) / rest));
}

/** Throws TRAIN_BAD_CONFIG unless the schedule's numbers make sense. */
export function checkSchedule(schedule: LrSchedule): void {
  const bad = (what: string, hint: string) => { throw new SpikelabError('TRAIN_BAD_CONFIG', what, hint); };
  if (schedule.kind === 'cosine' && !(Number.isFinite(schedule.warmupEpochs) && schedule.warmupEpochs >= 0)) {
    bad(`The cosine schedule's warm-up must be 0 or more epochs, got ${schedule.warmupEpochs}.`, 'Try cosine:warmup=1.');
  }
  if (schedule.kind === 'step') {
    if (!Number.isInteger(schedule.everyEpochs) || schedule.everyEpochs < 1) bad(`Step decay needs a whole number of epochs ≥ 1 between drops, got ${schedule.everyEpochs}.`, 'Try step:every=5,factor=0.5.');
    if (!(schedule.factor > 0 && schedule.factor <= 1)) bad(`Step decay's factor must be in (0, 1], got ${schedule.factor}.`, 'Try factor=0.5.');
  }
}

/** The schedule in words, as `--schedule` writes it: "constant", "cosine:warmup=2", "step:every=5,factor=0.5". */
export function scheduleText(schedule: LrSchedule): string {
  if (schedule.kind === 'cosine') return `cosine:warmup=${schedule.warmupEpochs}`;
  if (schedule.kind === 'step') return `step:every=${schedule.everyEpochs},factor=${schedule.factor}`;
  return 'constant';
}

/** Reads what scheduleText writes (fields may be left out: warm-up 0; every 1, factor 0.5). */
export function parseSchedule(text: string): LrSchedule {
  const [kind, rest = ''] = text.trim().split(':');
  const fields: Record<string, number> = {};
  for (const part of rest.split(',').filter(Boolean)) {
    const [key, value] = part.split('=');
    const number = Number(value);
    if (value === undefined || value.trim() === '' || !Number.isFinite(number)) {
      throw new SpikelabError('CLI_BAD_OPTION', `The schedule field "${part}" is not key=number.`, 'Write e.g. cosine:warmup=2 or step:every=5,factor=0.5.');
    }
    fields[key.trim()] = number;
  }
  const allowed: Record<string, string[]> = { constant: [], cosine: ['warmup'], step: ['every', 'factor'] };
  if (!(kind in allowed)) throw new SpikelabError('CLI_BAD_OPTION', `Unknown schedule "${kind}".`, 'Use constant, cosine:warmup=E or step:every=K,factor=F.');
  const unknown = Object.keys(fields).filter((k) => !allowed[kind].includes(k));
  if (unknown.length > 0) throw new SpikelabError('CLI_BAD_OPTION', `The ${kind} schedule takes no "${unknown[0]}".`, `It takes ${allowed[kind].join(', ') || 'no fields'}.`);
  const schedule: LrSchedule = kind === 'cosine' ? { kind, warmupEpochs: fields.warmup ?? 0 }
    : kind === 'step' ? { kind, everyEpochs: fields.every ?? 1, factor: fields.factor ?? 0.5 } : { kind: 'constant' };
  try {
    checkSchedule(schedule);
  } catch (error) {
    // The text is an option's value: its numbers are refused as a bad option.
    if (error instanceof SpikelabError) throw new SpikelabError('CLI_BAD_OPTION', error.message, error.hint);
    throw error;
  }
  return schedule;
}
