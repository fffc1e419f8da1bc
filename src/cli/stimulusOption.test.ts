/**
 * `--stimulus`: the grammar (kinds, keys, numbers, channel lists) with CLI_BAD_OPTION, the nearest
 * kind or key and the grammar for a malformed spec; and `spikelab simulate lif_norse.nir
 * --stimulus step:… --T N` run in-process, printing the membrane charging and the spikes.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpikelabError } from '../engine/core/errors';
import { NIR_FIXTURES } from '../../test/paths';
import { main } from './main';
import { parseStimulus, STIMULUS_GRAMMAR } from './stimulusOption';

const LIF_NORSE = join(NIR_FIXTURES, 'upstream', 'nir_01_lif__lif_norse.nir');

function refusal(text: string): SpikelabError {
  try {
    parseStimulus(text);
  } catch (error) {
    return error as SpikelabError;
  }
  throw new Error(`"${text}" was accepted`);
}

/** Runs the CLI in-process and returns its exit code and the JSON it printed. */
async function cli(...argv: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  const written: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, json: JSON.parse(written.join('').trim().split('\n').pop()!) };
}

afterEach(() => vi.restoreAllMocks());

describe('--stimulus', () => {
  it('parses every kind the issue names, with times, rates and channels', () => {
    expect(parseStimulus('step:amplitude=0.2,onset=0.001,duration=0.01')).toEqual({ kind: 'step', amplitude: 0.2, onset: 0.001, duration: 0.01 });
    expect(parseStimulus('constant:amplitude=1')).toEqual({ kind: 'constant', amplitude: 1 });
    expect(parseStimulus('poisson:rate=100,seed=3')).toEqual({ kind: 'poisson', rate: 100, seed: 3 });
    expect(parseStimulus('sine:amplitude=1,frequency=50')).toEqual({ kind: 'sine', amplitude: 1, frequency: 50 });
    expect(parseStimulus('pulse:at=2e-3')).toEqual({ kind: 'pulse', at: 0.002 });
    expect(parseStimulus('ramp')).toEqual({ kind: 'ramp' });
    expect(parseStimulus('noise: amplitude = 0.1 , offset=0.5')).toEqual({ kind: 'noise', amplitude: 0.1, offset: 0.5 });
    expect(parseStimulus('regular:rate=200,channels=0+3+8-10')).toEqual({ kind: 'regular', rate: 200, channels: [0, 3, 8, 9, 10] });
  });

  it('refuses malformed specs with CLI_BAD_OPTION, the nearest kind or key, and the grammar', () => {
    const kind = refusal('stpe:amplitude=1');
    expect(kind.code).toBe('CLI_BAD_OPTION');
    expect(kind.message).toMatch(/no stimulus kind "stpe".*Did you mean step\?/);
    expect(kind.hint).toBe(STIMULUS_GRAMMAR);
    expect(kind.hint).toMatch(/KIND\[:KEY=VALUE,…\].*poisson \(rate, amplitude, onset, duration, seed, channels\)/);
    expect(refusal('poison:rate=5').message).toMatch(/Did you mean poisson\?/);
    expect(refusal('sine:amplitude=1,frequncy=5').message).toMatch(/not "frequncy".*Did you mean frequency\?/);
    expect(refusal('constant:rate=5').message).toMatch(/constant stimulus takes amplitude, channels/);
    for (const bad of ['step:amplitude=abc', 'step:amplitude', 'step:amplitude=', 'step:onset=1,onset=2', 'regular:rate=1,channels=a', 'regular:rate=1,channels=5-2']) {
      expect(refusal(bad).code, bad).toBe('CLI_BAD_OPTION');
    }
  });

  it('simulates lif_norse.nir on a step current: the membrane charges, spikes and resets', async () => {
    const { code, json } = await cli('simulate', LIF_NORSE, '--stimulus', 'step:amplitude=0.2,onset=0.001,duration=0.01', '--T', '200', '--backend', 'cpu');
    expect(code).toBe(0);
    expect(json).toMatchObject({ T: 200, dt: 1e-4 });
    const [lif] = json.layers as Array<{ name: string; spike_count: number; spikes: number[][]; membrane: number[][] }>;
    expect(lif.name).toBe('1');
    expect(lif.membrane).toHaveLength(200);
    expect(lif.membrane[9][0]).toBe(0); // before the onset (1 ms = step 10)
    expect(lif.membrane[10][0]).toBeCloseTo(0.04 * 0.2, 6); // (1 − β)·r·I with β = 1 − dt/τ = 0.96
    const fired = lif.spikes.flatMap((s, t) => (s.length ? [t] : []));
    expect(fired[0]).toBe(26); // 17 steps of input
    expect(lif.spike_count).toBe(fired.length);
    expect(lif.membrane[27][0]).toBeCloseTo(0.008, 6); // reset to 0, then one step of charging
    expect(fired.every((t) => t < 110)).toBe(true); // the current stops at 11 ms
  });

  it('answers a bad spec, a bad value and a mixed input with structured errors', async () => {
    expect((await cli('simulate', LIF_NORSE, '--stimulus', 'stpe:amplitude=1', '--backend', 'cpu')).json.error).toMatchObject({ code: 'CLI_BAD_OPTION' });
    expect((await cli('simulate', LIF_NORSE, '--stimulus', 'step:onset=1', '--T', '10', '--backend', 'cpu')).json.error).toMatchObject({ code: 'STIMULUS_BAD_PARAMETER' });
    expect((await cli('simulate', LIF_NORSE, '--stimulus', 'constant', '--dataset', 'digits', '--backend', 'cpu')).json.error).toMatchObject({ code: 'CLI_BAD_OPTION' });
  });
});
