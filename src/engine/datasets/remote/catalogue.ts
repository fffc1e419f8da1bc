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
 * (doi:10.17632/468j46mzdv.1), with the MD5s tonic checks. DVS Gesture from
 * research.ibm.com/interactive/dvsgesture, whose DvsGesture.tar.gz is in an IBM Box folder that
 * needs a browser to download (ibm.ent.box.com/s/3hiq58ww1pbbjrinh367ykfdf60xsfm8/folder/50167556794);
 * the direct copy is the Dropbox mirror that torchneuromorphic and snnTorch's spikevision download,
 * and the MD5 is the one SpikingJelly checks for IBM's file (8a5c71fb…). tonic's preprocessed copy
 * is on figshare, at the URLs and with the MD5s that tonic.datasets.DVSGesture downloads and checks.
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
  /**
   * The file holds the dataset's other splits too (DVS Gesture: one archive for train and test):
   * it is downloaded once for the splits asked for, and each is taken from it by name.
   */
  shared?: boolean;
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
const AMIR_CITATION = 'Amir, A., Taba, B., Berg, D., Melano, T., McKinstry, J., Di Nolfo, C., Nayak, T., Andreopoulos, A., Garreau, G., Mendoza, M., Kusnitz, J., Debole, M., Esser, S., Delbruck, T., Flickner, M., and Modha, D. (2017). A Low Power, Fully Event-Based Gesture Recognition System. CVPR 2017, 7243–7252.';
const FIGSHARE = 'https://figshare.com/ndownloader/files/';
const DVS_GESTURE_ARCHIVE = {
  fileName: 'DvsGesture.tar.gz', urls: ['https://www.dropbox.com/s/cct5kyilhtsliup/DvsGesture.tar.gz?dl=1'], bytes: null, md5: '8a5c71fb11e24e5ca5b11866ca6c00a1', shared: true,
};

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
  {
    id: 'dvs-gesture', name: 'DVS Gesture — IBM DVS128 Gesture, all 122 recordings',
    description: 'Eleven hand and arm gestures by 29 people under three lightings, recorded by a DVS128 event camera: 128×128 pixels, ON/OFF events, about 6 s a gesture.',
    homepage: 'https://research.ibm.com/interactive/dvsgesture/', licence: 'CC BY 4.0',
    citation: AMIR_CITATION,
    reader: 'loaders/dvsGestureArchive.ts: a tar.gz of AEDAT 3.1 recordings with their _labels.csv, every labelled gesture a sample, tonic ToFrame(time_window = 10 ms) at 128×128×2 as the shipped clips, T = 145 (its first 1.45 s); split by trials_to_train.txt (users 1–23) and trials_to_test.txt (24–29)',
    T: 145, featureShape: [2, 128, 128], featureOrder: 'p,y,x', downloadNote: 'one tar.gz for both splits, about 3 GB (5 GB while it is unpacked)',
    files: [{ split: 'train', samples: 1176, ...DVS_GESTURE_ARCHIVE }, { split: 'test', samples: 288, ...DVS_GESTURE_ARCHIVE }],
  },
  {
    id: 'dvs-gesture-tonic', name: 'DVS Gesture — tonic\'s preprocessed copy',
    description: 'The same gestures as cut from IBM\'s recordings by tonic\'s authors (one per class and recording, timestamps in ms), on figshare.',
    homepage: 'https://github.com/neuromorphs/tonic/blob/main/tonic/datasets/dvsgesture.py', licence: 'CC BY 4.0',
    citation: `${AMIR_CITATION} Preprocessed by tonic: Lenz, G., Chaney, K., Shrestha, S. B., Oubari, O., Picaud, S., and Zarrella, G. (2021). Tonic: event-based datasets and transformations. Zenodo. doi:10.5281/zenodo.5079802`,
    reader: 'loaders/dvsGestureTonic.ts: a tar.gz of userXX_<lighting>/<label>.npy arrays [N, 4] of x, y, p, t (ms), binned as dvs-gesture (tonic ToFrame(time_window = 10 ms) at 128×128×2, T = 145)',
    T: 145, featureShape: [2, 128, 128], featureOrder: 'p,y,x', downloadNote: 'two tar.gz archives, size told by the host',
    files: [
      { split: 'train', fileName: 'ibmGestureTrain.tar.gz', urls: [`${FIGSHARE}38022171`], bytes: null, md5: '3a8f0d4120a166bac7591f77409cb105', samples: 1077 },
      { split: 'test', fileName: 'ibmGestureTest.tar.gz', urls: [`${FIGSHARE}38020584`], bytes: null, md5: '56070e45dadaa85fff82e0fbfbc06de5', samples: 264 },
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
