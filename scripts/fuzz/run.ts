/**
 * `npx tsx scripts/fuzz/run.ts [--cases 5000] [--seed 16] [--batch 250] [--timeout-s 60] [--budget-mb 1536]`
 * Runs the hostile corpus (./corpus.ts) through the CLI commands (./targets.ts) in worker
 * processes of `batch` cases each, and prints one JSON line per attack class and a total line:
 *   { class, cases, clean, accepted, internal, crashes, hangs, overBudget, generator, peakMB, slowestMs, codes }
 * clean = a coded SpikelabError; internal = code INTERNAL (a bug); crash = the worker died during
 * the case (e.g. V8 out of memory); hang = no answer within --timeout-s; overBudget = the case's
 * peak resident memory passed --budget-mb. The exit code is 1 when any internal, crash, hang or
 * budget break happened. Examples of each failure are printed with --verbose.
 * The worker is bundled with esbuild first (../../bin/bundleForNode.mjs: the CLI's TF.js backends
 * do not load under tsx), into node_modules/.cache/spikelab/fuzz-worker.mjs.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASSES, type FuzzClass } from './corpus';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log([
    'npm run fuzz -- [--cases 5000] [--seed 16] [--batch 250] [--timeout-s 60] [--budget-mb 1536] [--verbose]',
    '  --cases N      cases to run (classes in turn: values, structure, links, bytes, big, datasets, chunks)',
    '  --seed S       corpus seed (case i of seed S is always the same input)',
    '  --batch B      cases per worker process',
    '  --timeout-s T  a case with no answer within T seconds is a hang',
    '  --budget-mb M  a case whose peak resident memory passes M MiB breaks the budget',
    '  --verbose      print examples of every failure',
    'Prints one JSON line per attack class and a total; exits 1 on any INTERNAL, crash, hang or budget break.',
  ].join('\n'));
  process.exit(0);
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const cases = option('cases', 5000);
const seed = option('seed', 16);
const batch = option('batch', 250);
const timeoutMs = option('timeout-s', 60) * 1000;
const budget = option('budget-mb', 1536) * 2 ** 20;
const verbose = process.argv.includes('--verbose');

interface Tally {
  cases: number; clean: number; accepted: number; internal: number; crashes: number; hangs: number; overBudget: number; generator: number;
  peak: number; slowestMs: number; codes: Record<string, number>; examples: string[];
}
const tallies = new Map<FuzzClass, Tally>(CLASSES.map((c) => [c, { cases: 0, clean: 0, accepted: 0, internal: 0, crashes: 0, hangs: 0, overBudget: 0, generator: 0, peak: 0, slowestMs: 0, codes: {}, examples: [] }]));
const classOf = (i: number) => CLASSES[i % CLASSES.length];

/** Runs cases [from, to) in one worker; resolves with the index to continue from. */
function runWorker(from: number, to: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', workerBundle, String(seed), String(from), String(to)],
      { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, SPIKELAB_REPO: repo } });
    let current = from;
    let done = from;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const t = tallies.get(classOf(current))!;
        t.cases += 1;
        t.hangs += 1;
        t.examples.push(`hang at case ${current}`);
        done = current + 1;
        child.kill('SIGKILL');
      }, timeoutMs);
    };
    arm();
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let event: { start?: number; index?: number; cls?: FuzzClass; outcome?: string; code?: string; message?: string; ms?: number; peak?: number };
      try {
        event = JSON.parse(line);
      } catch {
        return; // not ours (a library printing to stdout)
      }
      if (event.start !== undefined) {
        current = event.start;
        arm();
        return;
      }
      if (event.index === undefined || !event.cls) return;
      const t = tallies.get(event.cls)!;
      t.cases += 1;
      if (event.outcome === 'accepted') t.accepted += 1;
      else if (event.outcome === 'clean') t.clean += 1;
      else if (event.outcome === 'generator') t.generator += 1;
      else t.internal += 1;
      if (event.outcome === 'internal' || event.outcome === 'generator') t.examples.push(`${event.cls}#${event.index}: ${event.code} ${event.message ?? ''}`);
      t.codes[event.code ?? '?'] = (t.codes[event.code ?? '?'] ?? 0) + 1;
      t.peak = Math.max(t.peak, event.peak ?? 0);
      if ((event.peak ?? 0) > budget) {
        t.overBudget += 1;
        t.examples.push(`${event.cls}#${event.index}: peak ${Math.round((event.peak ?? 0) / 2 ** 20)} MB`);
      }
      t.slowestMs = Math.max(t.slowestMs, event.ms ?? 0);
      done = event.index + 1;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (done < to && signal !== 'SIGKILL') {
        // died during case `current`: a crash (V8 out of memory, abort, …)
        const t = tallies.get(classOf(current))!;
        t.cases += 1;
        t.crashes += 1;
        t.examples.push(`crash at case ${current} (exit ${code}, ${signal ?? 'no signal'})`);
        done = current + 1;
      }
      resolve(done);
    });
  });
}

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { bundleForNode } = (await import(join(repo, 'bin', 'bundleForNode.mjs'))) as { bundleForNode(entry: string, out: string): Promise<string> };
const workerBundle = await bundleForNode(join(repo, 'scripts', 'fuzz', 'worker.ts'), join(repo, 'node_modules', '.cache', 'spikelab', 'fuzz-worker.mjs'));

const started = Date.now();
for (let from = 0; from < cases;) {
  const to = Math.min(cases, from + batch);
  let next = from;
  while (next < to) next = await runWorker(next, to);
  from = to;
  process.stderr.write(`fuzz: ${to}/${cases} cases, ${Math.round((Date.now() - started) / 1000)} s\n`);
}

let failures = 0;
const total = { cases: 0, clean: 0, accepted: 0, internal: 0, crashes: 0, hangs: 0, overBudget: 0, generator: 0, peakMB: 0 };
for (const [cls, t] of tallies) {
  const { examples, peak, ...rest } = t;
  console.log(JSON.stringify({ class: cls, ...rest, peakMB: Math.round(peak / 2 ** 20), ...(verbose && examples.length ? { examples: examples.slice(0, 10) } : {}) }));
  for (const k of ['cases', 'clean', 'accepted', 'internal', 'crashes', 'hangs', 'overBudget', 'generator'] as const) total[k] += t[k];
  total.peakMB = Math.max(total.peakMB, Math.round(peak / 2 ** 20));
  failures += t.internal + t.crashes + t.hangs + t.overBudget;
}
console.log(JSON.stringify({ class: 'total', seed, ...total, seconds: Math.round((Date.now() - started) / 1000) }));
process.exitCode = failures > 0 ? 1 : 0;
