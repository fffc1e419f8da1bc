/**
 * Simulate with a stimulus: the graph compiled for dt (../tensor/program/program.ts), the
 * stimulus generated for its Input shape and T steps, run through it with every neuron
 * population recorded (spikes and membranes), as the plots and `spikelab simulate` read a
 * dataset sample (../tensor/train/session.ts simulateSample). The record names its `source` (the
 * stimulus kind); its label is 0: a stimulus has no class.
 */
import type { NirGraph } from '../graph/types';
import type { SurrogateSpec } from '../surrogates/types';
import { Program } from '../tensor/program/program';
import { simulateSample } from '../tensor/train/session';
import type { SimulationRecord } from '../train/types';
import { stimulusData } from './generate';
import { STIMULUS_KINDS } from './kinds';
import type { StimulusSpec } from './types';

export interface StimulusRun {
  /** Steps to simulate. */
  T: number;
  /** The step, in the graph's time unit (the unit of the stimulus' times). */
  dt: number;
  /** Forward only, so it changes nothing; the compiler needs one. */
  surrogate?: SurrogateSpec;
}

export async function simulateStimulus(graph: NirGraph, stimulus: StimulusSpec, run: StimulusRun): Promise<SimulationRecord> {
  const program = new Program(graph, { dt: run.dt, surrogate: run.surrogate ?? { name: 'superspike', slope: 25 } });
  try {
    const data = stimulusData(stimulus, { T: run.T, dt: run.dt, inputShape: program.inputShape });
    return { ...(await simulateSample(program, data, 0)), source: STIMULUS_KINDS[stimulus.kind].label };
  } finally {
    program.dispose();
  }
}
