/**
 * The engine's commands end to end (`node bin/spikelab.mjs …`): train prints one JSON line per
 * step with a falling loss, reference prints the bench.md §5 figures, simulate records chosen
 * populations, and bad input gives {"error": …} with a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const out = mkdtempSync(join(tmpdir(), 'spikelab-run-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; lines: Array<Record<string, unknown>> } {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'spikelab.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  return { status: run.status, lines: run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

describe('spikelab train / reference / simulate', () => {
  it('trains workload A for a few steps: one JSON line per step, then a summary', () => {
    const { status, lines } = cli('train', '--steps', '6', '--T', '16', '--hidden', '32', '--batch', '8', '--samples', '64', '--lr', '5e-3', '--loss', 'integral_ce');
    expect(status).toBe(0);
    const steps = lines.filter((l) => typeof l.step === 'number');
    expect(steps.map((l) => l.step)).toEqual([1, 2, 3, 4, 5, 6]);
    const done = lines.find((l) => l.event === 'done')!;
    expect(done.steps).toBe(6);
    expect(done.last_loss as number).toBeLessThan(done.first_loss as number);
  });

  it('computes the bench.md §5 check for a given hidden size and gain', () => {
    const { status, lines } = cli('reference', '--hidden', '16', '--gain', '2', '--batch', '2', '--T', '32');
    expect(status).toBe(0);
    expect(Object.keys(lines[0].grad_l2 as object)).toEqual(['W1', 'beta1', 'W2', 'beta2', 'W3', 'beta_out']);
    expect(lines[0].loss).toBeGreaterThan(0);
  });

  it('simulates a JSON input and records the chosen populations', () => {
    const input = join(out, 'input.json');
    writeFileSync(input, JSON.stringify(Array.from({ length: 8 }, (_, t) => Array.from({ length: 128 }, (_, c) => ((t + c) % 5 === 0 ? 1 : 0)))));
    const { status, lines } = cli('simulate', '--input', input, '--record', 'lif1');
    expect(status).toBe(0);
    const layers = lines[0].layers as Array<{ name: string; spikes: number[][]; membrane: number[][] }>;
    expect(layers.map((l) => l.name)).toEqual(['lif1']);
    expect(layers[0].spikes).toHaveLength(8);
    expect(layers[0].membrane[0]).toHaveLength(128);
  });

  it('answers bad input with a structured error and a non-zero exit', () => {
    const input = join(out, 'ragged.json');
    writeFileSync(input, '[[1, 0], [1]]');
    const bad = cli('simulate', '--input', input);
    expect(bad.status).not.toBe(0);
    expect(bad.lines[0].error).toMatchObject({ code: 'CLI_BAD_INPUT' });
    const unknown = cli('train', '--surrogate', 'nope');
    expect(unknown.lines[0].error).toMatchObject({ code: 'CLI_BAD_OPTION' });
  });
});
