/**
 * One fuzz worker process: runs cases [from, to) of the corpus with `seed` and prints one JSON
 * line per case: index, class, outcome, code, milliseconds and the peak resident memory of the
 * case (Linux: VmHWM after resetting it through /proc/self/clear_refs; elsewhere the RSS after).
 * The parent (./run.ts) watches the lines: a worker that dies is a crash, one that stops
 * answering is a hang.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fuzzCase } from './corpus';
import { runTargets } from './targets';

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function peakBytes(exact: boolean): number {
  if (exact) {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  }
  return process.memoryUsage().rss;
}

const [seed, from, to] = process.argv.slice(2).map(Number);
for (let index = from; index < to; index++) {
  const exact = resetPeak();
  const started = performance.now();
  const c = fuzzCase(seed, index);
  process.stdout.write(`${JSON.stringify({ start: index })}\n`);
  let result;
  let input;
  try {
    input = await c.build();
  } catch (error) {
    result = { outcome: 'generator' as const, code: 'FUZZ_GENERATOR', message: String(error).slice(0, 300) }; // a bug of the corpus, not of Spikelab
  }
  if (input) {
    try {
      result = await runTargets(input);
    } catch (error) {
      result = { outcome: 'internal' as const, code: 'UNCAUGHT', message: String(error).slice(0, 300) };
    }
  }
  process.stdout.write(`${JSON.stringify({ index, cls: c.cls, ...result, ms: Math.round(performance.now() - started), peak: peakBytes(exact) })}\n`);
}
