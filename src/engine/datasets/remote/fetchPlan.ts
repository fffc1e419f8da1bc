/**
 * What a fetch request asks for, resolved: a catalogue id (./catalogue.ts) and the splits wanted,
 * or a person's own http(s) address, whose file becomes a set of its own (id "url-" and a hash of
 * the address; its splits are what the file holds, its format told by the sniffers of
 * ../own/loadDropped.ts). Anything else is DATA_REMOTE_BAD_SOURCE, listing what is known.
 */
import { sha256Hex } from '../formats/sha256';
import { WEB_DATASETS, findWebDataset, type WebDatasetFile } from './catalogue';
import { remoteError } from './errors';

export interface FetchPlan {
  id: string;
  name: string;
  description: string;
  licence: string;
  attribution: string;
  /** The dataset's page, or the address given. */
  source: string;
  /** What every file must unpack to (catalogue sets); absent for an address. */
  expect?: { T: number; featureShape: number[]; featureOrder: string };
  files: WebDatasetFile[];
  /** A person's own address (its file may hold a train and a test split). */
  fromUrl: boolean;
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source.trim());
}

/** The last path segment of an address ("shd_train.h5.gz"), or its host. */
export function fileNameOf(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  return last || url.host;
}

async function urlPlan(source: string): Promise<FetchPlan> {
  let url: URL;
  try {
    url = new URL(source.trim());
  } catch {
    throw remoteError('DATA_REMOTE_BAD_SOURCE', `"${source.slice(0, 200)}" is not a web address.`, 'Give a full address such as https://example.org/data/shd_test.h5.gz.', source);
  }
  const hash = (await sha256Hex(new TextEncoder().encode(url.href))).slice(0, 10);
  const fileName = fileNameOf(url);
  return {
    id: `url-${hash}`, name: `${fileName} (${url.host})`, description: `Fetched from ${url.href}.`,
    licence: `as published at ${url.host}`, attribution: url.href, source: url.href, fromUrl: true,
    files: [{ split: 'train', fileName, urls: [url.href], bytes: null, samples: 0 }],
  };
}

/** The plan for `source` (catalogue id or address), keeping the files of `split` (train, test, valid, or 'all', the default). */
export async function planFetch(source: string, split = 'all', catalogue = WEB_DATASETS): Promise<FetchPlan> {
  if (isUrl(source)) {
    if (split !== 'all' && split !== 'train') {
      throw remoteError('DATA_REMOTE_BAD_SOURCE', `An address is one file; --split ${split} does not apply to it.`, 'Leave out --split (the file\'s own splits are kept).', source);
    }
    return urlPlan(source);
  }
  const dataset = findWebDataset(source, catalogue);
  if (!dataset) {
    throw remoteError('DATA_REMOTE_BAD_SOURCE', `There is no web dataset "${source.slice(0, 80)}".`,
      `Give one of ${catalogue.map((d) => d.id).join(', ')}, or a file's http(s) address.`, source);
  }
  const files = split === 'all' ? dataset.files : dataset.files.filter((f) => f.split === split);
  if (files.length === 0) {
    throw remoteError('DATA_REMOTE_BAD_SOURCE', `${dataset.name} has no split "${split}".`, `Choose ${[...dataset.files.map((f) => f.split), 'all'].join(', ')}.`, source);
  }
  return {
    id: dataset.id, name: dataset.name, description: `${dataset.description} ${dataset.reader}.`, licence: dataset.licence,
    attribution: dataset.citation, source: dataset.homepage, fromUrl: false,
    expect: { T: dataset.T, featureShape: dataset.featureShape, featureOrder: dataset.featureOrder }, files,
  };
}
