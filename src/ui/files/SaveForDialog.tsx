/**
 * "Save for…": pick where the network goes — plain NIR (the spec), snnTorch or Norse — and see,
 * before anything is written, what the rewrite for that peer's importer changes (time rescaled,
 * gains folded into weights, a readout written as a population that never fires) or why the
 * peer cannot read the network right (then Save is off). The preview comes from the worker.
 */
import { useEffect, useState } from 'react';
import { EXPORT_TARGETS } from '../../engine/nir/targets/index';
import type { ExportTargetId } from '../../engine/nir/targets/types';
import type { ExportPreview } from '../../workers/api';
import { useGraphStore } from '../state/graphStore';
import { useUiStore } from '../state/uiStore';
import { fileNameFor, previewSave, saveNir } from './saveNir';

type Preview = { state: 'loading' } | { state: 'ready'; preview: ExportPreview } | { state: 'failed'; message: string };

interface Answer {
  target: ExportTargetId;
  graph: unknown;
  preview: Preview;
}

/** The worker's preview for the current graph and target ('loading' until the answer for them arrives). */
function usePreview(open: boolean, target: ExportTargetId): Preview {
  const graph = useGraphStore((s) => s.graph);
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!open) return;
    let current = true;
    void previewSave(target).then((result) => {
      if (!current) return;
      const preview: Preview = result.ok ? { state: 'ready', preview: result.value } : { state: 'failed', message: `${result.error.message} ${result.error.hint}` };
      setAnswer({ target, graph, preview });
    });
    return () => {
      current = false;
    };
  }, [open, target, graph]);
  return answer && answer.target === target && answer.graph === graph ? answer.preview : { state: 'loading' };
}

function Notes({ preview }: { preview: ExportPreview }) {
  const where = (node?: string) => (node ? <code>{node}</code> : null);
  return (
    <>
      <p className="save-for-load">Load it with <code>{preview.load}</code>; dt of the file: {preview.dt} s.</p>
      {preview.refusals.length > 0 && (
        <div className="save-for-refusals" role="alert">
          <p>{preview.label} cannot read this network right, so nothing will be written:</p>
          <ul>{preview.refusals.map((r, i) => <li key={i}>{where(r.node)} {r.message}</li>)}</ul>
        </div>
      )}
      {preview.changes.length > 0 ? (
        <div className="save-for-changes">
          <p>{preview.refusals.length > 0 ? 'The rest it would rewrite:' : `Rewritten for ${preview.label}'s importer (same spikes):`}</p>
          <ul>{preview.changes.map((c, i) => <li key={i}>{where(c.node)} {c.message}</li>)}</ul>
        </div>
      ) : preview.refusals.length === 0 && <p>Written as it is.</p>}
    </>
  );
}

export function SaveForDialog() {
  const open = useUiStore((s) => s.saveForOpen);
  const setOpen = useUiStore((s) => s.setSaveForOpen);
  const title = useGraphStore((s) => s.title);
  const [target, setTarget] = useState<ExportTargetId>('snntorch');
  const preview = usePreview(open, target);
  if (!open) return null;
  const ready = preview.state === 'ready' && preview.preview.refusals.length === 0;
  const save = async () => {
    if (await saveNir(target)) setOpen(false);
  };
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Save for" onClick={() => setOpen(false)}
      onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
      <div className="overlay-card save-for" onClick={(e) => e.stopPropagation()}>
        <h2>Save for…</h2>
        <fieldset>
          <legend>Where the file goes</legend>
          {EXPORT_TARGETS.map((t) => (
            <label key={t.id}>
              <input type="radio" name="save-target" value={t.id} checked={target === t.id} onChange={() => setTarget(t.id)} />
              {t.id === 'nir' ? 'NIR (the spec, as Save NIR writes it)' : `for ${t.label}`}
            </label>
          ))}
        </fieldset>
        {preview.state === 'loading' && <p>Checking…</p>}
        {preview.state === 'failed' && <p className="save-for-refusals" role="alert">{preview.message}</p>}
        {preview.state === 'ready' && <Notes preview={preview.preview} />}
        <div className="save-for-actions">
          <button type="button" onClick={() => void save()} disabled={!ready}>Save {fileNameFor(title, target)}</button>
          <button type="button" onClick={() => setOpen(false)}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
