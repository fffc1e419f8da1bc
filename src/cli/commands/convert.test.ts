/**
 * `spikelab convert IN OUT --for snntorch|norse` end to end: the rewrite is written with what it
 * changed and the importer call; a network the target cannot express exits non-zero with
 * NIR_TARGET_CANNOT_EXPRESS naming the node, and writes nothing; an unknown target is refused
 * with the known ones.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/paths';

const root = join(__dirname, '..', '..', '..');
const out = mkdtempSync(join(tmpdir(), 'spikelab-convert-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; json: Record<string, unknown> } {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'spikelab.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, json: JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') };
}

describe('spikelab convert --for', () => {
  const recurrent = fixture('nir', 'shd_rsnn_subgraph.nir');

  it('rewrites a recurrent network for snnTorch (dt 0.1 ms, names, folded gains)', () => {
    const target = join(out, 'rsnn.snntorch.nir');
    const { status, json } = cli('convert', recurrent, target, '--for', 'snntorch');
    expect(status).toBe(0);
    expect(json).toMatchObject({ target: 'snntorch', dt: 1e-4, renamed: { 'lif1.lif': 'lif1_lif' } });
    expect(JSON.stringify(json.changes)).toMatch(/Time rescaled/);
    expect(existsSync(target)).toBe(true);
    const info = cli('info', target);
    expect(info.json.dtGuess).toMatchObject({ dt: 1e-4, exporter: 'spikelab' });
  });

  it('refuses what Norse cannot read and writes nothing', () => {
    const target = join(out, 'rsnn.norse.nir');
    const { status, json } = cli('convert', recurrent, target, '--for', 'norse');
    expect(status).toBe(1);
    expect(json.error).toMatchObject({ code: 'NIR_TARGET_CANNOT_EXPRESS' });
    expect((json.error as { message: string }).message).toMatch(/"lif1_lif" is recurrent/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses an unknown target with the known ones', () => {
    const { status, json } = cli('convert', recurrent, join(out, 'x.nir'), '--for', 'snntorc');
    expect(status).not.toBe(0);
    expect((json.error as { message: string }).message).toMatch(/nir, snntorch, norse.*Did you mean snntorch/);
  });
});
