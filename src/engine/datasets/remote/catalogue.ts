/**
 * The datasets the lab fetches from their publishers' hosts, as plain data (the Run panel lists
 * them, the CLI takes their ids): where each split's file is (mirrors in order), its size and
 * checksum where the publishers give one, how many samples it holds (as the hosts' pages say;
 * the loader reads the true count from the file), its licence and how to cite it, and which of
 * the lab's loaders unpacks it into bit-packed spikes of what shape.
 *
 * Sources: SHD/SSC from zenkelab.org/resources/spiking-heidelberg-datasets-shd (files under
 * zenkelab.org/datasets/, mirror compneuro.net/datasets/, as the SpyTorch tutorial downloads them);
 * N-MNIST from garrickorchard.com/datasets/n-mnist, whose files are on Mendeley Data
 * (doi:10.17632/468j46mzdv.1), with the MD5s tonic checks. DVS Gesture is not here: its release is
 * a tar.gz of AEDAT 3.1 recordings with CSV labels, and the lab has no tar or AEDAT reader yet.
 */
import { packedSteps } from '../formats/bitpack';

export interface WebDatasetFile {
  split: string;
  /** The file's name (what the loader is told; the URL may not end in it). */
  fileName: string;
  /** Where it is: the first that answers is used. */
  urls: string[];
  /** Its size in bytes where the publishers give it (checked against Content-Length and the body). */
  bytes: number | null;
  /** Its MD5 where the publishers give one. */
  md5?: string;
  /** Samples, as the host's page gives them. */
  samples: number;
}

export interface WebDataset {
  id: string;
  name: string;
  description: string;
  homepage: string;
  licence: string;
  citation: string;
  /** Which loader unpacks the files, and how it bins them. */
  reader: string;
  /** What the loader makes of every file: steps and features of the packed spikes. */
  T: number;
  featureShape: number[];
  featureOrder: string;
  /** The download's size in words where no exact size is published. */
  downloadNote: string;
  files: WebDatasetFile[];
}

const SHD_HOSTS = ['https://zenkelab.org/datasets/', 'https://compneuro.net/datasets/'];
const HEIDELBERG_CITATION = 'Cramer, B., Stradmann, Y., Schemmel, J., and Zenke, F. (2022). The Heidelberg Spiking Data Sets for the Systematic Evaluation of Spiking Neural Networks. IEEE TNNLS 33, 2744–2757. doi:10.1109/TNNLS.2020.3044364';
const SHD_READER = 'loaders/shd.ts: HDF5 spikes/times + spikes/units, Spyx binning (T = 128 steps of 1/128 s, 700 channels squeezed to 128)';
const heidelberg = (prefix: string, split: string, samples: number): WebDatasetFile => ({
  split, fileName: `${prefix}_${split}.h5.gz`, urls: SHD_HOSTS.map((host) => `${host}${prefix}_${split}.h5.gz`), bytes: null, samples,
});
const MENDELEY = 'https://data.mendeley.com/public-files/datasets/468j46mzdv/files/';

export const WEB_DATASETS: readonly WebDataset[] = [
  {
    id: 'shd', name: 'SHD — Spiking Heidelberg Digits',
    description: 'Spoken digits 0–9 in English and German (20 classes) through an artificial cochlea: spikes of 700 channels, about 1 s each.',
    homepage: 'https://zenkelab.org/resources/spiking-heidelberg-datasets-shd/', licence: 'CC BY 4.0', citation: HEIDELBERG_CITATION,
    reader: SHD_READER, T: 128, featureShape: [128], featureOrder: 'channel', downloadNote: 'gzipped HDF5, size told by the host',
    files: [heidelberg('shd', 'train', 8156), heidelberg('shd', 'test', 2264)],
  },
  {
    id: 'ssc', name: 'SSC — Spiking Speech Commands',
    description: 'Google Speech Commands v0.2 (35 words, many speakers) through the same cochlea model as SHD: spikes of 700 channels, about 1 s each.',
    homepage: 'https://zenkelab.org/resources/spiking-heidelberg-datasets-shd/', licence: 'CC BY 4.0', citation: HEIDELBERG_CITATION,
    reader: SHD_READER, T: 128, featureShape: [128], featureOrder: 'channel', downloadNote: 'gzipped HDF5, size told by the host (SSC train is large)',
    files: [heidelberg('ssc', 'train', 75466), heidelberg('ssc', 'valid', 9981), heidelberg('ssc', 'test', 20382)],
  },
  {
    id: 'nmnist-full', name: 'N-MNIST — all 70,000 recordings',
    description: 'MNIST digits recorded by an event camera (ATIS) making three saccades: 34×34 pixels, ON/OFF events, about 0.3 s each.',
    homepage: 'https://www.garrickorchard.com/datasets/n-mnist', licence: 'CC BY-SA 4.0',
    citation: 'Orchard, G., Jayawant, A., Cohen, G. K., and Thakor, N. (2015). Converting Static Image Datasets to Spiking Neuromorphic Datasets Using Saccades. Front. Neurosci. 9:437. Data: doi:10.17632/468j46mzdv.1',
    reader: 'loaders/nmnist.ts: a zip of Train/<digit>/<n>.bin (or Test/…) 40-bit event files, tonic ToFrame(n_time_bins = 40), all saccades',
    T: 40, featureShape: [2, 34, 34], featureOrder: 'p,y,x', downloadNote: 'zip archives, about 1.1 GB for both',
    files: [
      { split: 'train', fileName: 'Train.zip', urls: [`${MENDELEY}39c25547-014b-4137-a934-9d29fa53c7a0/file_downloaded`], bytes: null, md5: '20959b8e626244a1b502305a9e6e2031', samples: 60000 },
      { split: 'test', fileName: 'Test.zip', urls: [`${MENDELEY}05a4d654-7e03-4c15-bdfa-9bb2bcbea494/file_downloaded`], bytes: null, md5: '69ca8762b2fe404d9b9bad1103e97832', samples: 10000 },
    ],
  },
];

/** Bytes a split takes once binned and packed: samples × ⌈T/8⌉ × features. */
export function binnedBytes(dataset: Pick<WebDataset, 'T' | 'featureShape'>, file: Pick<WebDatasetFile, 'samples'>): number {
  return file.samples * packedSteps(dataset.T) * dataset.featureShape.reduce((a, b) => a * b, 1);
}

export function findWebDataset(id: string, catalogue: readonly WebDataset[] = WEB_DATASETS): WebDataset | undefined {
  return catalogue.find((d) => d.id === id.toLowerCase());
}
