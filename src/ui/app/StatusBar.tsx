import { useEngineStore, type EngineStatus } from '../state/engineStore';

const LABELS = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' } as const;

export function describeStatus(status: EngineStatus): { text: string; detail?: string; tone: 'busy' | 'ok' | 'warn' | 'error' } {
  if (status.phase === 'starting') return { text: 'Starting engine…', tone: 'busy' };
  if (status.phase === 'failed') return { text: status.error.message, detail: status.error.hint, tone: 'error' };
  const { backend } = status;
  const adapter = backend.adapter ? ` (${[backend.adapter.vendor, backend.adapter.architecture].filter(Boolean).join(' / ') || 'unknown adapter'})` : '';
  const text = `Backend: ${LABELS[backend.name]}${adapter}${backend.forced ? ', forced by URL' : ''}${backend.slow ? ' — software, slow' : ''}`;
  const skipped = backend.softwareSkipped ?? [];
  const software = skipped.length > 0
    ? `${skipped.map((b) => LABELS[b]).join(' and ')} ${skipped.length > 1 ? 'are' : 'is'} software-only here; using ${LABELS[backend.name]} (force ${LABELS[skipped[0]]} with ?backend=${skipped[0]})`
    : undefined;
  const detail = [software, backend.fallbackReason && `Fell back: ${backend.fallbackReason}`].filter(Boolean).join(' · ');
  if (backend.fallbackReason) return { text, detail, tone: 'warn' };
  return detail ? { text, detail, tone: 'ok' } : { text, tone: 'ok' };
}

export function StatusBar() {
  const status = useEngineStore((s) => s.status);
  const { text, detail, tone } = describeStatus(status);
  return (
    <footer className={`status-bar status-${tone}`} role="status" aria-live="polite" data-backend={status.phase === 'ready' ? status.backend.name : ''}>
      <span className="status-text">{text}</span>
      {detail && <span className="status-detail">{detail}</span>}
    </footer>
  );
}
