/**
 * The person's own data in the Run panel, under the dataset picker: a progress bar (with Cancel)
 * while dropped files are read, the reason when a file could not be used (what it is, what was
 * expected, how to make one that fits), and for a chosen own dataset what it holds, whether it
 * fits the graph, whether it is kept across reloads, and Remove. "Add data…" opens a file picker
 * for the same path as a drop (../files/dropData.ts).
 */
import { useEffect } from 'react';
import { formatBytes } from '../../engine/core/limits';
import type { ManifestSet } from '../../engine/datasets/manifest';
import { classCountsText } from '../../engine/datasets/own/describe';
import { isOwnDatasetId, type OwnDatasetInfo } from '../../engine/datasets/own/ownDataset';
import { pickDataFiles } from '../files/dropData';
import { useGraphStore } from '../state/graphStore';
import { useOwnDatasets } from '../state/ownDatasets';
import { useRunStore } from '../state/runStore';
import { fits, graphIo } from './datasetFit';
import './ownData.css';

/** The picker's text for an own set: file name, samples × T × features, classes. */
export function ownOptionLabel(set: ManifestSet): string {
  const n = set.splits.reduce((a, s) => a + s.n, 0);
  return `${set.name} — ${n.toLocaleString('en')} × T ${set.T} × [${set.featureShape.join('×')}], ${set.classes.length} classes`;
}

function ImportBar() {
  const importing = useOwnDatasets((s) => s.importing);
  const cancel = useOwnDatasets((s) => s.cancel);
  if (!importing) return null;
  const percent = Math.round(importing.progress.fraction * 100);
  return (
    <div className="own-import" data-testid="own-import">
      <progress max={1} value={importing.progress.fraction} aria-label={`Reading ${importing.label}`} />
      <span>{importing.progress.stage}… {percent} %</span>
      <button type="button" onClick={() => void cancel()}>Cancel</button>
    </div>
  );
}

function ImportError() {
  const error = useOwnDatasets((s) => s.error);
  const dismiss = useOwnDatasets((s) => s.dismissError);
  if (!error || error.code === 'DATA_ABORTED') return null;
  return (
    <div className="own-error" role="alert">
      <b>{error.label} could not be used as a dataset.</b> {error.message} <span className="own-hint">{error.hint}</span>
      <button type="button" className="link" onClick={dismiss}>Dismiss</button>
    </div>
  );
}

function FitNote({ set }: { set: OwnDatasetInfo }) {
  const graph = useGraphStore((s) => s.graph);
  const io = graphIo(graph);
  if (fits(set, io)) return <span className="own-fits">Fits this graph.</span>;
  const wanted = io.input ? `input [${io.input.join(', ')}]${io.classes !== null ? ` and ${io.classes} classes` : ''}` : 'an Input node';
  return (
    <span className="own-misfit" role="note">
      Does not fit this graph: the data is [{set.featureShape.join(', ')}] with {set.classes.length} classes, the graph needs {wanted}. Make the Input and Output match it.
    </span>
  );
}

function ChosenOwn({ set }: { set: OwnDatasetInfo }) {
  const forget = useOwnDatasets((s) => s.forget);
  const update = useRunStore((s) => s.update);
  const [train, test] = set.splits;
  const { own } = set;
  return (
    <div className="own-info" data-testid="own-info">
      <p>
        {train.n.toLocaleString('en')} samples, {classCountsText(train.classCounts)}
        {test ? `; ${test.n.toLocaleString('en')} to test` : '; no test split (Evaluate uses these)'}.
        {' '}{own.encoding === 'packed' ? 'Spikes bit-packed' : 'Values other than 0/1, kept as float32'}: {formatBytes(own.heldBytes)}.
        {set.dt ? ` dt ${set.dt} s.` : ''} <FitNote set={set} />
      </p>
      <p className="muted">From {set.name} ({formatBytes(own.fileBytes)}): {own.read}.</p>
      <p className={own.kept ? 'own-kept' : 'own-not-kept'} title={own.keptNote}>{own.kept ? 'Kept in this browser: still here after a reload.' : own.keptNote}</p>
      <button type="button" onClick={() => {
        update({ dataset: null });
        void forget(set.id);
      }} title="Remove this dataset from the list and from this browser's storage">Remove</button>
    </div>
  );
}

/** The set just added, when it is not the chosen one (it did not fit the graph): where it went and why. */
function AddedElsewhere({ chosen }: { chosen: ManifestSet | undefined }) {
  const lastAdded = useOwnDatasets((s) => s.lastAdded);
  const added = useOwnDatasets((s) => s.sets.find((x) => x.id === s.lastAdded));
  const dismiss = useOwnDatasets((s) => s.dismissAdded);
  if (!lastAdded || !added || chosen?.id === added.id) return null;
  return (
    <div className="own-info" data-testid="own-added">
      <p>Added <b>{ownOptionLabel(added)}</b>, listed under “Your data”. <FitNote set={added} /></p>
      <p className={added.own.kept ? 'own-kept' : 'own-not-kept'} title={added.own.keptNote}>{added.own.kept ? 'Kept in this browser: still here after a reload.' : added.own.keptNote}</p>
      <button type="button" className="link" onClick={dismiss}>Dismiss</button>
    </div>
  );
}

export function OwnDataPanel({ chosen }: { chosen: ManifestSet | undefined }) {
  const loaded = useOwnDatasets((s) => s.loaded);
  const load = useOwnDatasets((s) => s.load);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const own = chosen && isOwnDatasetId(chosen.id) ? (chosen as OwnDatasetInfo) : null;
  return (
    <div className="own-data">
      <ImportBar />
      <ImportError />
      {own && <ChosenOwn set={own} />}
      <AddedElsewhere chosen={chosen} />
      <p className="run-hint own-add">
        Your own data: drop it on the page (.npz/.npy spikes [N, T, F…] + labels, SHD .h5, N-MNIST .bin or .zip, .safetensors)
        or <button type="button" className="link" onClick={pickDataFiles}>add files…</button>
      </p>
    </div>
  );
}
