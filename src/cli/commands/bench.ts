/**
 * `spikelab bench --workload A|B|C|W1[,…] --backend webgpu|webgl|wasm|cpu[,…] [--path fused|plain|both]
 *  [--T N] [--batch N] [--hidden N] [--n N] [--warmup N] [--steps K] [--repeats R] [--latency N]
 *  [--data nmnist64|synthetic] [--root DIR] [--check true|false] [--full]`: one JSON line per cell (docs/specs/bench.md §6 plus "backend"
 * and "path"), each workload on both scan paths by default. wasm and cpu run here in Node; webgpu
 * and webgl run in headless Chromium on bench.html through scripts/bench/browserBench.ts (it
 * builds the page into dist-gpu/ if needed). Sizes not given default to a small cell (T 32,
 * batch 16, hidden 32, K 5, R 3): with --full they are the spec's (T 256, B 128, H 128, K 50, R 5).
 * Workload B trains on the shipped nmnist64-train (read from public/datasets, or --root) when T is
 * 64, else on synthetic frames; --data synthetic asks for those, --data nmnist64 insists.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { numberOption, stringOption, type ParsedArgs } from '../args';
import { printError, printJson } from '../output';
import { SpikelabError } from '../../engine/core/errors';
import { isBackendName, type BackendName } from '../../engine/tensor/runtime/backend';
import type { BenchData, BenchOptions, WorkloadName } from '../../harness/bench/benchTypes';
import { fileFetcher } from '../../engine/datasets/fetchersNode';
import { zlibGunzip } from '../../engine/datasets/formats/gzipNode';
import { SMALL_CELL } from '../../harness/pages/benchQuery';
import { datasetRoot } from './datasets';
import { SPECS } from '../optionSpecs';
import type { Command } from '../command';

const usage = 'spikelab bench --workload A|B|C|W1 --backend webgpu|webgl|wasm|cpu [--path fused|plain|both] [--T N] [--batch N] [--hidden N] [--n N] [--warmup N] [--steps K] [--repeats R] [--latency N] [--data nmnist64|synthetic] [--root DIR] [--check true|false] [--full]';
const WORKLOADS: readonly WorkloadName[] = ['A', 'B', 'C', 'W1'];

function listOption<T extends string>(args: ParsedArgs, name: string, fallback: string, valid: (v: string) => v is T, example: string): T[] {
  const values = (stringOption(args, name) ?? fallback).split(',').filter(Boolean);
  for (const v of values) if (!valid(v)) throw new SpikelabError('CLI_BAD_OPTION', `--${name} "${v}" is not one of ${example}.`, `Example: --${name} ${example.split(', ')[0]}`);
  return values as T[];
}

/** The repository root: the bundle lives in node_modules/.cache/spikelab/. */
function repoRoot(): string {
  let dir = process.cwd();
  for (let i = 0; i < 6 && !existsSync(join(dir, 'bench.html')); i++) dir = dirname(dir);
  if (!existsSync(join(dir, 'bench.html'))) throw new SpikelabError('BENCH_NO_PAGE', 'bench.html was not found above the current folder.', 'Run `npx spikelab bench` from the Spikelab repository.');
  return dir;
}

function browserCells(args: ParsedArgs, backends: string[]): Promise<number> {
  const forwarded = ['workload', 'path', 'T', 'batch', 'hidden', 'n', 'warmup', 'steps', 'repeats', 'latency', 'check', 'data']
    .flatMap((k) => (args.options[k] !== undefined ? [`--${k}`, String(args.options[k])] : []));
  return new Promise((resolve) => {
    const full = args.options.full === true ? ['--full'] : [];
    const child = spawn('npx', ['tsx', 'scripts/bench/browserBench.ts', '--backend', backends.join(','), ...full, ...forwarded],
      { cwd: repoRoot(), stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

export const bench: Command = {
  name: 'bench',
  usage,
  summary: 'Time the training step (bench.md workloads A, B, C, W1) on a backend, fused and plain scan paths, one JSON line per cell.',
  options: {
    workload: SPECS.TEXT, backend: SPECS.TEXT, path: { kind: 'string', choices: ['fused', 'plain', 'both'] },
    T: SPECS.count(1_000_000), batch: SPECS.count(1_000_000), hidden: SPECS.count(1_000_000), n: SPECS.count(10_000_000),
    warmup: { kind: 'int', min: 0, max: 1_000_000 }, steps: SPECS.count(1_000_000), repeats: SPECS.count(1_000_000), latency: { kind: 'int', min: 0, max: 1_000_000 },
    data: { kind: 'string', choices: ['nmnist64', 'synthetic'] }, root: SPECS.TEXT, check: { kind: 'string', choices: ['true', 'false'] }, full: { kind: 'flag' },
  },
  maxPositionals: 0,
  async run(args) {
    const workloads = listOption(args, 'workload', 'A', (v): v is WorkloadName => (WORKLOADS as readonly string[]).includes(v), 'A, B, C, W1');
    const backends = listOption(args, 'backend', 'wasm', (v): v is BackendName => isBackendName(v), 'webgpu, webgl, wasm, cpu');
    const pathArg = stringOption(args, 'path') ?? 'both';
    if (!['fused', 'plain', 'both'].includes(pathArg)) throw new SpikelabError('CLI_BAD_OPTION', `--path "${pathArg}" is not fused, plain or both.`, 'Example: --path both');
    const paths = pathArg === 'both' ? (['fused', 'plain'] as const) : ([pathArg] as ['fused'] | ['plain']);
    const small = args.options.full === true ? {} : (SMALL_CELL as Record<string, string>);
    const optional = (name: string) => (args.options[name] !== undefined ? numberOption(args, name, 0) : small[name] !== undefined ? Number(small[name]) : undefined);
    const sizes = { T: optional('T'), batch: optional('batch'), hidden: optional('hidden'), n: optional('n'), warmup: optional('warmup'),
      steps: optional('steps'), repeats: optional('repeats'), latencySteps: optional('latency') };
    const check = stringOption(args, 'check') !== 'false';
    const data = stringOption(args, 'data') as BenchData | undefined;
    if (data !== undefined && data !== 'nmnist64' && data !== 'synthetic') throw new SpikelabError('CLI_BAD_OPTION', `--data "${data}" is not nmnist64 or synthetic.`, 'Example: --data synthetic');
    let code = 0;
    const browser = backends.filter((b) => b === 'webgpu' || b === 'webgl');
    if (browser.length) code = Math.max(code, await browserCells(args, browser));
    const { startNodeBackend } = await import('../../engine/tensor/runtime/loaders.node');
    const { runBenchCell } = await import('../../harness/bench/runBench');
    const { setBenchDataSource } = await import('../../harness/bench/benchData');
    setBenchDataSource({ fetchBytes: fileFetcher(datasetRoot(args)), codec: zlibGunzip });
    for (const backend of backends.filter((b): b is 'wasm' | 'cpu' => b === 'wasm' || b === 'cpu')) {
      const info = await startNodeBackend(backend);
      const device = `${info.name} in Node ${process.version} (${process.arch})`;
      for (const workload of workloads) {
        for (const path of paths) {
          const options: BenchOptions = { workload, backend, path, check, device, ...(data ? { data } : {}), ...Object.fromEntries(Object.entries(sizes).filter(([, v]) => v !== undefined)) };
          try {
            printJson(await runBenchCell(options));
          } catch (error) {
            printError(error);
            code = 2;
          }
        }
      }
    }
    return code;
  },
};
