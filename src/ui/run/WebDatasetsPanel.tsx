/**
 * Datasets from the web, in the Run panel under the dataset picker (folded until opened): the
 * catalogue (../../engine/datasets/remote/catalogue.ts) with each set's splits, download and
 * binned size and licence, and Fetch; a field for a file's own address; while fetching, a
 * progress bar with bytes, rate and time left and Cancel; the reason when a fetch failed; and
 * what this browser's cache holds (per set, Remove; Clear all) with what the browser allows.
 * A fetched set is listed in the picker with the shipped ones and chosen when it fits the graph.
 */
import { useEffect, useState } from 'react';
import { formatBytes } from '../../engine/core/limits';
import { WEB_DATASETS, binnedBytes, type WebDataset } from '../../engine/datasets/remote/catalogue';
import type { CachedSet } from '../../workers/api';
import { useGraphStore } from '../state/graphStore';
import { useRunStore } from '../state/runStore';
import { useWebDatasets } from '../state/webDatasets';
import { fits, graphIo } from './datasetFit';
import { transferFraction, transferText } from './transferText';
import './webDatasets.css';

const setBytes = (set: CachedSet) => set.splits.reduce((a, s) => a + s.bytes, 0);

/** Fetches, then chooses the set in the Run panel when it fits the graph. */
function useFetch(): (source: string, label: string) => Promise<void> {
  const fetch = useWebDatasets((s) => s.fetch);
  return async (source, label) => {
    const fetched = await fetch(source, label);
    if (fetched && fits(fetched, graphIo(useGraphStore.getState().graph))) useRunStore.getState().update({ dataset: fetched.id });
  };
}

function CatalogueRow({ dataset }: { dataset: WebDataset }) {
  const busy = useWebDatasets((s) => s.fetching !== null);
  const cached = useWebDatasets((s) => s.listing?.sets.some((c) => c.id === dataset.id) ?? false);
  const start = useFetch();
  const binned = dataset.files.reduce((a, f) => a + binnedBytes(dataset, f), 0);
  return (
    <li className="web-set" data-testid={`web-set-${dataset.id}`}>
      <div>
        <a href={dataset.homepage} target="_blank" rel="noreferrer">{dataset.name}</a>
        <span className="muted"> · {dataset.files.map((f) => `${f.split} ${f.samples.toLocaleString('en')}`).join(', ')} · {dataset.downloadNote} · about {formatBytes(binned)} once binned · {dataset.licence}</span>
      </div>
      <button type="button" disabled={busy} onClick={() => void start(dataset.id, dataset.name)} title={`Download ${[...new Set(dataset.files.map((f) => f.fileName))].join(' and ')} and keep it in this browser`}>
        {cached ? 'Fetch again' : 'Fetch'}
      </button>
    </li>
  );
}

function AddressField() {
  const [address, setAddress] = useState('');
  const busy = useWebDatasets((s) => s.fetching !== null);
  const start = useFetch();
  const go = () => {
    if (address.trim()) void start(address.trim(), address.trim());
  };
  return (
    <div className="web-url">
      <input type="url" value={address} placeholder="https://…/shd_test.h5.gz" aria-label="Address of a dataset file"
        onChange={(e) => setAddress(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && go()} />
      <button type="button" disabled={busy || !address.trim()} onClick={go}>Fetch</button>
    </div>
  );
}

function FetchBar() {
  const fetching = useWebDatasets((s) => s.fetching);
  const cancel = useWebDatasets((s) => s.cancel);
  if (!fetching) return null;
  const fraction = transferFraction(fetching.progress);
  return (
    <div className="web-fetch" data-testid="web-fetch">
      <progress max={1} {...(fraction !== null ? { value: fraction } : {})} aria-label={`Fetching ${fetching.label}`} />
      <span>{fetching.progress ? transferText(fetching.progress) : `Starting ${fetching.label}…`}</span>
      <button type="button" onClick={() => void cancel()}>Cancel</button>
    </div>
  );
}

function Outcome() {
  const error = useWebDatasets((s) => s.error);
  const fetched = useWebDatasets((s) => s.lastFetched);
  const chosen = useRunStore((s) => s.settings.dataset);
  const dismiss = useWebDatasets((s) => s.dismiss);
  if (error) {
    const cancelled = error.code === 'DATA_ABORTED';
    return (
      <div className={cancelled ? 'web-note' : 'web-error'} role={cancelled ? undefined : 'alert'} aria-live="polite" data-testid="web-outcome">
        {cancelled ? error.headline : <><b>{error.headline}</b> {error.message} <span className="web-hint">{error.hint}</span> <code>{error.code}</code></>}
        {' '}<button type="button" className="link" onClick={dismiss}>Dismiss</button>
      </div>
    );
  }
  if (!fetched) return null;
  return (
    <div className="web-note" aria-live="polite" data-testid="web-outcome">
      Fetched <b>{fetched.name}</b> ({fetched.splits.map((s) => `${s.split} ${s.n.toLocaleString('en')}`).join(', ')}; {formatBytes(setBytes(fetched))}).{' '}
      {chosen === fetched.id ? 'It is chosen above.' : 'It is in the Dataset list (it does not fit this graph).'}
      {' '}<button type="button" className="link" onClick={dismiss}>Dismiss</button>
    </div>
  );
}

function CacheList() {
  const listing = useWebDatasets((s) => s.listing);
  const busy = useWebDatasets((s) => s.fetching !== null);
  const clear = useWebDatasets((s) => s.clear);
  if (!listing) return null;
  const { estimate } = listing;
  const allowed = estimate?.quota !== undefined ? ` This browser lets the lab use ${formatBytes(estimate.quota)} (${formatBytes(estimate.usage ?? 0)} in use).` : '';
  return (
    <div className="web-cache" data-testid="web-cache">
      <p className="muted">
        {listing.sets.length === 0 ? 'Nothing cached yet.' : `Cached in ${listing.where}: ${formatBytes(listing.bytes)}.`}{allowed}
      </p>
      {listing.sets.length > 0 && (
        <ul>
          {listing.sets.map((set) => (
            <li key={set.id} data-testid={`web-cached-${set.id}`}>
              <span><b>{set.name}</b> — {set.splits.map((s) => `${s.split} ${s.n.toLocaleString('en')}`).join(', ')} · T {set.T} × [{set.featureShape.join('×')}] · {formatBytes(setBytes(set))} · fetched {new Date(set.fetched.at).toLocaleDateString()}</span>
              <button type="button" disabled={busy} onClick={() => void clear(set.id)} title="Remove it from this browser's storage">Remove</button>
            </li>
          ))}
        </ul>
      )}
      {listing.sets.length > 0 && <button type="button" disabled={busy} onClick={() => void clear()}>Clear all</button>}
    </div>
  );
}

export function WebDatasetsPanel() {
  const loaded = useWebDatasets((s) => s.loaded);
  const load = useWebDatasets((s) => s.load);
  const cachedCount = useWebDatasets((s) => s.listing?.sets.length ?? 0);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  return (
    <details className="web-data" data-testid="web-datasets" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Datasets from the web{cachedCount > 0 ? ` (${cachedCount} cached)` : ''}</summary>
      <ul className="web-catalogue">
        {WEB_DATASETS.map((d) => <CatalogueRow key={d.id} dataset={d} />)}
      </ul>
      <AddressField />
      <FetchBar />
      <Outcome />
      <CacheList />
    </details>
  );
}
