/**
 * bench.html: a page a person can open to time Spikelab's training step in this browser. The form
 * is filled from the URL (./benchQuery.ts; small cells by default); Run starts the bench worker,
 * and each cell appears as one JSON line (docs/specs/bench.md §6). With ?autorun=1 it runs
 * at once; the report is also `globalThis.spikelabBench` for the headless driver.
 */
import { cellsFromQuery } from './benchQuery';
import type { BenchMessage, BenchReport } from './benchMessages';

const report: BenchReport = { done: false, cells: [], errors: [] };
Object.assign(globalThis, { spikelabBench: report });

const form = document.getElementById('cell') as HTMLFormElement;
const out = document.getElementById('out') as HTMLPreElement;
const params = new URLSearchParams(location.search);
for (const input of Array.from(form.querySelectorAll('input'))) {
  const value = params.get(input.name);
  if (value !== null) input.value = value;
}

function run(query: URLSearchParams): void {
  const cells = cellsFromQuery(query);
  out.textContent = `running ${cells.length} cell(s)…\n`;
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  worker.onerror = (e) => {
    report.errors.push({ options: cells[0], error: { code: 'BENCH_WORKER', message: String(e.message ?? e), hint: 'See the browser console.' } });
    report.done = true;
  };
  worker.onmessage = (event: MessageEvent<BenchMessage>) => {
    const m = event.data;
    if (m.type === 'cell') {
      report.cells.push(m.cell);
      out.textContent += `${JSON.stringify(m.cell)}\n`;
    } else if (m.type === 'error') {
      report.errors.push({ options: m.options, error: m.error });
      out.textContent += `${JSON.stringify({ error: m.error, cell: m.options })}\n`;
    } else {
      report.done = true;
      out.textContent += 'done\n';
      worker.terminate();
    }
  };
  worker.postMessage({ cells });
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const query = new URLSearchParams();
  for (const input of Array.from(form.querySelectorAll('input'))) if (input.value !== '') query.set(input.name, input.value);
  run(query);
});
if (params.get('autorun') === '1') run(params);
