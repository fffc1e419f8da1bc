/**
 * conformance.html: runs the kernel conformance suite in a worker for the backends named by
 * ?backends=webgpu,webgl,wasm,cpu (default all four), shows one line per case, and exposes the
 * report as `globalThis.spikelabConformance` for Playwright.
 */
import type { ConformanceMessage, ConformanceReport } from './conformanceTypes';

const report: ConformanceReport = { done: false, seconds: 0, backends: {}, backendErrors: {}, scan: [], recurrent: [], unpack: [], bitMatMul: [], adam: [], readoutLoss: [], metricsRing: [] };
Object.assign(globalThis, { spikelabConformance: report });

const log = document.getElementById('log') as HTMLPreElement;
const line = (text: string) => {
  log.textContent += `${text}\n`;
};

const backends = (new URLSearchParams(location.search).get('backends') ?? 'webgpu,webgl,wasm,cpu').split(',');
const worker = new Worker(new URL('./conformance.worker.ts', import.meta.url), { type: 'module' });
worker.onerror = (e) => {
  report.backendErrors.worker = String(e.message ?? e);
  report.done = true;
  line(`worker error: ${e.message ?? e}`);
};
worker.onmessage = (event: MessageEvent<ConformanceMessage>) => {
  const m = event.data;
  switch (m.type) {
    case 'backend':
      report.backends[m.backend] = m.adapter;
      line(`== ${m.backend} ${m.adapter}`);
      break;
    case 'backendError':
      report.backendErrors[m.backend] = m.error;
      line(`!! ${m.backend}: ${m.error}`);
      break;
    case 'scan': {
      report.scan.push(m.result);
      const errs = Object.entries(m.result.relErr).map(([k, v]) => `${k} ${v.toExponential(1)}`).join(' ');
      line(`${m.result.ok ? 'ok  ' : 'FAIL'} scan ${m.result.path} ${m.result.name}: flips ${m.result.spikeFlips} ${errs} ${m.result.error ?? ''}`);
      break;
    }
    case 'recurrent': {
      report.recurrent.push(m.result);
      const errs = Object.entries(m.result.relErr).map(([k, v]) => `${k} ${v.toExponential(1)}`).join(' ');
      line(`${m.result.ok ? 'ok  ' : 'FAIL'} recurrent ${m.result.path} ${m.result.name}: flips ${m.result.spikeFlips} of ${m.result.spikes} spikes ${errs} ${m.result.error ?? ''}`);
      break;
    }
    case 'unpack':
      report.unpack.push(m.result);
      line(`${m.result.ok ? 'ok  ' : 'FAIL'} unpack ${m.result.layout} ${m.result.name}: mismatches ${m.result.mismatches} ${m.result.error ?? ''}`);
      break;
    case 'bitMatMul':
      report.bitMatMul.push(m.result);
      line(`${m.result.ok ? 'ok  ' : 'FAIL'} bits ${m.result.name}: ${m.result.kind === 'packedBatch' ? `mismatches ${m.result.mismatches}` : `y ${m.result.relErr.y.toExponential(1)} dW ${m.result.relErr.dW.toExponential(1)}`} ${m.result.error ?? ''}`);
      break;
    case 'adam':
      report.adam.push(m.result);
      line(`${m.result.ok ? 'ok  ' : 'FAIL'} adam (${m.result.kernel}): ${m.result.relErr.toExponential(1)}`);
      break;
    case 'readoutLoss':
      report.readoutLoss.push(m.result);
      line(`${m.result.ok ? 'ok  ' : 'FAIL'} loss (${m.result.kernel}) ${m.result.name}: loss ${m.result.lossErr.toExponential(1)} dy ${m.result.gradErr.toExponential(1)} correct ${m.result.correct.got}/${m.result.correct.want}`);
      break;
    case 'metricsRing':
      report.metricsRing.push(m.result);
      line(`${m.result.ok ? 'ok  ' : 'FAIL'} metrics ring: ${m.result.steps} steps, ${m.result.maxInFlight} in flight, rel. diff ${m.result.relDiff.toExponential(1)}, read-backs a step ${m.result.readbacksPerStep ?? '–'}, ms a step ${m.result.msPerStep.plain.toFixed(1)} → ${m.result.msPerStep.ring.toFixed(1)} ${m.result.error ?? ''}`);
      break;
    case 'memory':
      report.memory = m.result;
      line('error' in m.result ? `FAIL memory: ${m.result.error}`
        : `${m.result.ok ? 'ok  ' : 'FAIL'} memory A T${m.result.T} B${m.result.B} H${m.result.H}: peak ${m.result.peakBytes} of budget ${m.result.budgetBytes} bytes`);
      break;
    case 'deviceLost':
      report.deviceLost = { ok: m.ok, code: m.code, message: m.message };
      line(`${m.ok ? 'ok  ' : 'FAIL'} device lost → ${m.code}: ${m.message}`);
      break;
    case 'done':
      report.seconds = m.seconds;
      report.done = true;
      line(`done in ${m.seconds.toFixed(1)} s`);
      break;
  }
};
worker.postMessage({ backends });
