/** `spikelab datasets` run in-process (its JSON goes to stdout): listing, and loading one split. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../args';
import { datasets } from './datasets';

async function run(...argv: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  const code = await datasets.run(parseArgs(argv));
  vi.restoreAllMocks();
  return { code, json: JSON.parse(text.trim().split('\n').pop() ?? '{}') };
}

afterEach(() => vi.restoreAllMocks());

describe('spikelab datasets', () => {
  it('lists the shipped sets with their split ids', async () => {
    const { code, json } = await run('--root', 'public/datasets');
    expect(code).toBe(0);
    const sets = json.sets as Array<{ id: string; splits: Array<{ id: string }> }>;
    expect(sets.find((s) => s.id === 'nmnist')?.splits.map((p) => p.id)).toEqual(['nmnist-train', 'nmnist-test']);
  });

  it('loads digits-test with latency coding at T = 8: one spike at most per pixel', async () => {
    const { code, json } = await run('digits-test', '--T', '8', '--coding', 'latency');
    expect(code).toBe(0);
    expect(json).toMatchObject({ id: 'digits-test', n: 359, T: 8, featureShape: [8, 8], licence: 'CC BY 4.0' });
    expect(json.spikeDensity as number).toBeGreaterThan(0);
    expect(json.spikeDensity as number).toBeLessThanOrEqual(1 / 8);
  });

  it('refuses an unknown coding with CLI_BAD_OPTION', async () => {
    await expect(run('digits-test', '--coding', 'phase')).rejects.toMatchObject({ code: 'CLI_BAD_OPTION' });
  });
});
