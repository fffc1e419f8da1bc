/**
 * The CLI end to end (`node bin/spikelab.mjs …`, bundled by esbuild on first use): `info` on a
 * fixture written by the official NIR library (test/fixtures/nir, fixtures.md lists its
 * nodes), on a refused file, and `convert` followed by `info` on the converted file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NIR_FIXTURES, REPO_ROOT } from '../../../test/paths';

const root = REPO_ROOT;
const fixtures = NIR_FIXTURES;
const out = mkdtempSync(join(tmpdir(), 'spikelab-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; json: Record<string, unknown> } {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'spikelab.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  return { status: run.status, json: JSON.parse(last) };
}

describe('spikelab info / convert', () => {
  it('describes cuba_snn.nir: nodes, shapes, parameter counts, dt guess', () => {
    const { status, json } = cli('info', join(fixtures, 'cuba_snn.nir'));
    expect(status).toBe(0);
    const nodes = json.nodes as Array<{ name: string; type: string; input?: number[]; output?: number[]; parameterCount: number }>;
    expect(nodes.map((n) => `${n.name}:${n.type}`)).toEqual(['affine:Affine', 'cuba_li:CubaLI', 'cuba_lif:CubaLIF', 'input:Input', 'linear:Linear', 'output:Output']);
    // fixtures.md: linear 40 → 64 (weight 64×40), cuba_lif 64 neurons × 7 parameters.
    expect(nodes.find((n) => n.name === 'linear')).toMatchObject({ input: [40], output: [64], parameterCount: 2560 });
    expect(nodes.find((n) => n.name === 'cuba_lif')).toMatchObject({ parameterCount: 448 });
    expect(json.dtGuess).toMatchObject({ dt: 1e-4, unit: 's', exporter: 'snntorch' });
    expect(json.warnings).toEqual([]);
  });

  it('prints {"error": …} and exits non-zero for a file it refuses', () => {
    const { status, json } = cli('info', join(fixtures, 'bad', 'bad_toplif.nir'));
    expect(status).not.toBe(0);
    expect(json.error).toMatchObject({ code: 'NIR_TOP_NOT_GRAPH' });
  });

  it('converts a legacy file to the lab profile, which then reads without warnings', () => {
    const target = join(out, 'converted.nir');
    const converted = cli('convert', join(fixtures, 'legacy_v0.2.0_conv.nir'), target);
    expect(converted.status).toBe(0);
    expect((converted.json.warnings as Array<{ code: string }>).map((w) => w.code)).toContain('NIR_CONV_INPUT_SHAPE');
    const { status, json } = cli('info', target);
    expect(status).toBe(0);
    expect(json.warnings).toEqual([]);
    expect(json.version).toBe('1.0.7');
  });

  it('reads the JSON form too: .nir → .json → info gives the same nodes and shapes', () => {
    const target = join(out, 'cuba.json');
    expect(cli('convert', join(fixtures, 'cuba_snn.nir'), target).status).toBe(0);
    const fromJson = cli('info', target);
    const fromNir = cli('info', join(fixtures, 'cuba_snn.nir'));
    expect(fromJson.status).toBe(0);
    expect(fromJson.json.format).toBe('json');
    expect(fromJson.json.nodes).toEqual(fromNir.json.nodes);
    expect(fromJson.json.parameterCount).toBe(fromNir.json.parameterCount);
  });
});
