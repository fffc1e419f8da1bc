import { describe, expect, it } from 'vitest';
import type { StepMetrics } from '../engine/train/types';
import type { RunFrame } from './api';
import { FrameSender, MAX_BUFFERED_STEPS } from './frameSender';
import { yieldToEventLoop } from './yieldToEventLoop';

const step = (n: number): StepMetrics => ({ epoch: 0, step: n, stepsPerEpoch: 1000, totalSteps: 1000, loss: 1, accuracy: 0, samplesPerSec: 1, rates: {} });

describe('frames with back-pressure', () => {
  it('sends nothing new until the page has drawn the frame in flight, coalescing meanwhile', async () => {
    const sent: RunFrame[] = [];
    let draw: () => void = () => undefined;
    let clock = 0;
    const sender = new FrameSender((frame) => {
      sent.push(frame);
      return new Promise<void>((resolve) => { draw = resolve; });
    }, (f) => f, () => clock);
    sender.add({ steps: [step(1)] });
    expect(sent).toHaveLength(1);
    for (let n = 2; n <= 2 + MAX_BUFFERED_STEPS; n++) sender.add({ steps: [step(n)], progress: { phase: 'training', step: n, done: 1, total: 2 } });
    expect(sent).toHaveLength(1); // the page has not drawn the first
    clock = 1000;
    draw();
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toHaveLength(2);
    expect(sent[1].steps).toHaveLength(MAX_BUFFERED_STEPS); // bounded: the newest kept
    expect(sent[1].steps[MAX_BUFFERED_STEPS - 1].step).toBe(2 + MAX_BUFFERED_STEPS);
    expect(sent[1].progress).toEqual({ phase: 'training', step: 2 + MAX_BUFFERED_STEPS, done: 1, total: 2 });
    sender.add({ epochs: [{ epoch: 0, trainLoss: 1, trainAccuracy: 0, seconds: 1 }] });
    sender.flushNow(); // the end of a run: out at once, in flight or not
    expect(sent).toHaveLength(3);
    expect(sent[2].epochs).toHaveLength(1);
  });

  it('yields a macrotask: a timer queued before it runs first', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await new Promise((resolve) => setTimeout(resolve, 5)); // let the timer become due
    const pending = yieldToEventLoop().then(() => order.push('yield'));
    await pending;
    expect(order).toEqual(['timer', 'yield']);
  });
});
