/**
 * Where a training step's time goes, kernel by kernel (./convProfile.ts, ./w1Profile.ts): every
 * TF.js kernel of the backend is wrapped in a timer and counted in its phase (forward, backward:
 * the two tidy scopes of tf.engine().gradients; other: the batch, Adam), and the phases and the
 * neuron scans' forwards (op 'neuronScan' of the registry) timed as a whole. Times are CPU ms
 * (process.cpuUsage, which another job's load disturbs less than the wall clock) per step, summed
 * over the timed steps and divided. Kernels nest (a Spikelab op may run TF.js kernels inside), so
 * only the outermost is counted.
 */
import * as tf from '@tensorflow/tfjs-core';
import { kernelFor, registerKernel } from '../../../src/engine/tensor/kernels/registry';
import { startNodeBackend } from '../../../src/engine/tensor/runtime/loaders.node';
import type { TrainingWorkload } from '../../../src/harness/bench/benchTiming';

export interface KernelTime {
  name: string;
  ms: number;
  calls: number;
}

export interface StepProfile {
  stepMs: number;
  meanStepMs: number;
  kernels: KernelTime[];
}

/** The process's CPU time in ms (user + system): steadier than the wall clock on a loaded machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export async function profileStep(backend: 'wasm' | 'cpu', makeWorkload: () => Promise<TrainingWorkload>, o: { warmup: number; steps: number }): Promise<StepProfile> {
  await startNodeBackend(backend);
  const totals = new Map<string, { ms: number; calls: number }>();
  let counting = false;
  let depth = 0;
  let phase = 'other';
  const add = (name: string, ms: number) => {
    if (!counting) return;
    const t = totals.get(name) ?? { ms: 0, calls: 0 };
    t.ms += ms;
    t.calls++;
    totals.set(name, t);
  };
  for (const config of tf.getKernelsForBackend(backend)) {
    const inner = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, backend);
    tf.registerKernel({
      ...config, setupFunc: undefined, kernelFunc: (args) => {
        depth++;
        const started = cpuMs();
        try {
          return inner(args);
        } finally {
          depth--;
          if (depth === 0) add(`${phase} ${config.kernelName}`, cpuMs() - started);
        }
      },
    });
  }
  const scan = kernelFor('neuronScan')!;
  registerKernel({
    op: 'neuronScan', backend, kernel: (...args) => {
      const started = cpuMs();
      const r = scan(...args);
      add('[phase] forward neuron scans (JS)', cpuMs() - started);
      return r;
    },
  });
  // gradients() runs f in tidy('forward') and the tape in tidy('backward'): each kernel is counted in its phase.
  const engine = tf.engine();
  const tidy = engine.tidy.bind(engine);
  engine.tidy = ((nameOrFn: string | (() => tf.TensorContainer), fn?: () => tf.TensorContainer) => {
    if (typeof nameOrFn !== 'string' || (nameOrFn !== 'forward' && nameOrFn !== 'backward')) return tidy(nameOrFn as never, fn as never);
    const outer = phase;
    phase = nameOrFn;
    const started = cpuMs();
    try {
      return tidy(nameOrFn, fn!);
    } finally {
      add(`[phase] ${nameOrFn} (all)`, cpuMs() - started);
      phase = outer;
    }
  }) as typeof engine.tidy;

  const w = await makeWorkload();
  const times: number[] = [];
  try {
    for (let i = 0; i < o.warmup + o.steps; i++) {
      counting = i >= o.warmup;
      const started = cpuMs();
      const loss = w.step(i % w.stepsPerEpoch, () => {});
      await loss.data();
      if (counting) times.push(cpuMs() - started);
      loss.dispose();
    }
  } finally {
    counting = false;
    w.dispose();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const kernels = [...totals].map(([name, t]) => ({ name, ms: t.ms / o.steps, calls: t.calls / o.steps }));
  return { stepMs: sorted[sorted.length >> 1], meanStepMs: times.reduce((s, t) => s + t, 0) / times.length, kernels };
}
