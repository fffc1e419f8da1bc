/**
 * Every error code of Spikelab, in one union: what a SpikelabError (./errors.ts) carries, what
 * crosses the worker boundary and leaves the CLI as `code`, and what the page and tests switch
 * on. UPPER_SNAKE, prefixed by area. A new code is added here, in its area, and the compiler then
 * accepts it everywhere; a misspelt code does not compile. The warnings a reader attaches to a
 * file it could read (NIR quirks it repaired) are the subset WarningCode, below.
 */

/** Anything unexpected: a bug in Spikelab (toErrorInfo wraps unknown errors in it). */
export type InternalCode = 'INTERNAL';

/** The graph: validation problems and graph JSON (src/engine/graph/). */
export type GraphErrorCode =
  | 'GRAPH_ALGEBRAIC_LOOP'
  | 'GRAPH_BAD_PARAMETER'
  | 'GRAPH_DANGLING_EDGE'
  | 'GRAPH_JSON_INVALID'
  | 'GRAPH_JSON_SYNTAX'
  | 'GRAPH_NON_FINITE'
  | 'GRAPH_NO_INPUT'
  | 'GRAPH_NO_OUTPUT'
  | 'GRAPH_SHAPE_MISMATCH'
  | 'GRAPH_SHAPE_UNKNOWN'
  | 'GRAPH_TOO_LARGE'
  | 'GRAPH_TOO_MANY_NODES'
  | 'GRAPH_UNKNOWN_TYPE'
  | 'GRAPH_UNSUPPORTED';

/** Reading and writing .nir files, and saving for a target (src/engine/nir/). */
export type NirErrorCode =
  | 'NIR_BAD_EDGES'
  | 'NIR_BAD_NODE'
  | 'NIR_BAD_PARAMETER'
  | 'NIR_BAD_PARAMETER_RANK'
  | 'NIR_BAD_PARAMETER_SHAPES'
  | 'NIR_BAD_TYPE'
  | 'NIR_CHUNK_TOO_LARGE'
  | 'NIR_CORRUPT'
  | 'NIR_DATA_FILE'
  | 'NIR_EMPTY'
  | 'NIR_LEGACY_UNSUPPORTED'
  | 'NIR_LINK'
  | 'NIR_MISSING_EDGES'
  | 'NIR_MISSING_NODES'
  | 'NIR_MISSING_PARAMETER'
  | 'NIR_MISSING_TYPE'
  | 'NIR_NOT_HDF5'
  | 'NIR_NOT_NIR'
  | 'NIR_TARGET_CANNOT_EXPRESS'
  | 'NIR_TARGET_NO_DT'
  | 'NIR_TOO_DEEP'
  | 'NIR_TOO_LARGE'
  | 'NIR_TOO_MANY_EDGES'
  | 'NIR_TOO_MANY_NODES'
  | 'NIR_TOP_NOT_GRAPH'
  | 'NIR_TRUNCATED'
  | 'NIR_UNEXPECTED_PARAMETER'
  | 'NIR_UNKNOWN_NODE_TYPE'
  | 'NIR_UNSUPPORTED_FILTER'
  | 'NIR_VIRTUAL_DATASET'
  | 'NIR_WEIGHT_TRANSPOSED'
  | 'NIR_WRITE_BAD_EDGE'
  | 'NIR_WRITE_BAD_NAME'
  | 'NIR_WRITE_MISSING_PARAMETER'
  | 'NIR_WRITE_UNKNOWN_SHAPE'
  /** What a tolerant read repairs and notes, a strict one may refuse. */
  | WarningCode;

/** The HDF5 container under a .nir or a dataset file (src/engine/hdf5/). */
export type Hdf5ErrorCode =
  | 'HDF5_BAD_NAME'
  | 'HDF5_BAD_SELECTION'
  | 'HDF5_CHUNK_TOO_LARGE'
  | 'HDF5_CLOSED'
  | 'HDF5_CORRUPT'
  | 'HDF5_EMPTY'
  | 'HDF5_LINK'
  | 'HDF5_NOT_HDF5'
  | 'HDF5_NO_DATASET'
  | 'HDF5_READ_FAILED'
  | 'HDF5_TOO_DEEP'
  | 'HDF5_TOO_LARGE'
  | 'HDF5_TRUNCATED'
  | 'HDF5_UNSUPPORTED_FILTER'
  | 'HDF5_VIRTUAL_DATASET'
  | 'HDF5_WRITE_SHAPE';

/**
 * The DATA_ error codes of the dataset layer, in one place so callers can switch on them.
 * Every loader throws only these (as SpikelabError) and never returns a half-built dataset.
 */
export type DataErrorCode =
  | 'DATA_BAD_INDEX'
  | 'DATA_BATCH_RANGE'
  | 'DATA_PACKED_SIZE'
  | 'DATA_SHAPE_MISMATCH'
  | 'DATA_UNKNOWN_SET'
  | 'DATA_NOT_SAFETENSORS'
  | 'DATA_BAD_PACKED_FILE'
  | 'DATA_CHECKSUM_MISMATCH'
  | 'DATA_BAD_GZIP'
  | 'DATA_BAD_ARCHIVE'
  | 'DATA_NMNIST_TRUNCATED'
  /** An AEDAT 3.1 recording (DVS Gesture) whose header or packets cannot be read. */
  | 'DATA_BAD_AEDAT'
  | 'DATA_EVENT_OUT_OF_RANGE'
  | 'DATA_NOT_IDX'
  | 'DATA_NOT_WAV'
  | 'DATA_NOT_SHD'
  | 'DATA_UNKNOWN_DATASET'
  | 'DATA_BAD_MANIFEST'
  | 'DATA_BAD_OPTIONS'
  | 'DATA_INDEX_OUT_OF_RANGE'
  | 'DATA_ABORTED'
  | 'DATA_FETCH_FAILED'
  | 'DATA_BAD_PATH'
  | 'DATA_TOO_LARGE'
  /** Dropped arrays and files (../datasets/own/). */
  | OwnDataErrorCode
  /** Fetched from the web (../datasets/remote/). */
  | RemoteErrorCode;

/**
 * The DATA_ codes of dropped arrays and files (beside ../errors.ts, whose loaders these reuse).
 * Each message says what the file is and what was expected; each hint says how to make a file
 * that fits (usually one line of NumPy).
 */
export type OwnDataErrorCode =
  /** Not a .npy file, or a .npy header that cannot be read (magic, version, dict, dtype, shape, truncated data). */
  | 'DATA_BAD_NPY'
  /** A .npz (zip) with no usable arrays, or a damaged entry. */
  | 'DATA_BAD_NPZ'
  /** The arrays are readable but are not spikes [N, T, F…] with N labels. */
  | 'DATA_NOT_SPIKES'
  /** The labels are not whole numbers from 0 to 255. */
  | 'DATA_BAD_LABELS'
  /** NaN or infinite input values. */
  | 'DATA_BAD_VALUES'
  /** A file the lab has no reader for. */
  | 'DATA_UNSUPPORTED_FILE';

/**
 * The DATA_ codes of datasets fetched from the web (beside ../errors.ts and ../own/errors.ts).
 * Each message says what was fetched from where and what went wrong; each hint what to do next.
 * A fetch that fails with any of them leaves nothing of itself in the cache.
 */
export type RemoteErrorCode =
  /** Not an http(s) address, or an id the catalogue does not have. */
  | 'DATA_REMOTE_BAD_SOURCE'
  /** The host could not be reached (offline, DNS, refused, or blocked by the browser: CORS). */
  | 'DATA_REMOTE_UNREACHABLE'
  /** The host answered with an HTTP error status (404, 403, 500…). */
  | 'DATA_REMOTE_HTTP'
  /** The connection dropped before the whole body arrived. */
  | 'DATA_REMOTE_DROPPED'
  /** The body's size is not the announced (Content-Length) or catalogued one. */
  | 'DATA_REMOTE_WRONG_SIZE'
  /** The body starts as gzip but does not decompress, or fails its CRC / length trailer. */
  | 'DATA_REMOTE_BAD_GZIP'
  /** The body's checksum differs from the one the dataset's publishers give. */
  | 'DATA_REMOTE_CHECKSUM'
  /** The file was read, but it is not the dataset the catalogue describes (shape, values). */
  | 'DATA_REMOTE_UNEXPECTED'
  /** The cache (OPFS, or the cache folder) is full, refused the write, or is unavailable. */
  | 'DATA_CACHE_QUOTA'
  | 'DATA_CACHE_UNAVAILABLE';

/** Stimuli that drive a network without a dataset (src/engine/stimuli/). */
export type StimulusErrorCode =
  | 'STIMULUS_BAD_CHANNEL'
  | 'STIMULUS_BAD_GRID'
  | 'STIMULUS_BAD_PARAMETER'
  | 'STIMULUS_MISSING_PARAMETER'
  | 'STIMULUS_UNKNOWN_KIND';

/** Training sessions and runs (src/engine/train/, src/engine/tensor/train/, src/workers/). */
export type TrainErrorCode =
  | 'RUN_BUSY'
  | 'RUN_STOPPED'
  | 'TRAIN_BAD_CONFIG'
  | 'TRAIN_DIVERGED'
  | 'TRAIN_FINISHED'
  | 'TRAIN_NOT_FINISHED'
  | 'TRAIN_NO_SESSION';

/** The compute backend, the GPU device and the engine worker. */
export type RuntimeErrorCode =
  | 'BACKEND_UNAVAILABLE'
  | 'DEVICE_LOST'
  | 'DEVICE_LOST_FALLBACK'
  | 'GPU_DEVICE_LOST'
  | 'GPU_NOT_WEBGPU'
  | 'WORKER_FAILED';

/** The benchmark harness (src/harness/bench/, `spikelab bench`). */
export type BenchErrorCode =
  | 'BENCH_BACKEND'
  | 'BENCH_BAD_DATA'
  | 'BENCH_BAD_OPTION'
  | 'BENCH_NO_DATA_SOURCE'
  | 'BENCH_NO_PAGE'
  | 'BENCH_WORKER';

/** The command-line tool (src/cli/). */
export type CliErrorCode =
  | 'CLI_BAD_INPUT'
  | 'CLI_BAD_OPTION'
  | 'CLI_FILE_NOT_FOUND'
  | 'CLI_FILE_TOO_LARGE'
  | 'CLI_INPUT_MISMATCH'
  | 'CLI_MISSING_ARGUMENT'
  | 'CLI_TOO_LARGE'
  | 'CLI_UNEXPECTED_ARGUMENT'
  | 'CLI_UNKNOWN_COMMAND'
  | 'CLI_UNKNOWN_OPTION'
  | 'CLI_WRITE_FAILED';

export type ErrorCode =
  | InternalCode
  | GraphErrorCode
  | NirErrorCode
  | Hdf5ErrorCode
  | DataErrorCode
  | StimulusErrorCode
  | TrainErrorCode
  | RuntimeErrorCode
  | BenchErrorCode
  | CliErrorCode;

/**
 * What a reader notes about a file it could read and repaired (src/engine/nir/warnings.ts). Some
 * are errors too: a strict read refuses what a tolerant read repairs and notes.
 */
export type WarningCode =
  | 'NIR_CONV_INPUT_SHAPE'
  | 'NIR_DUPLICATE_EDGE'
  | 'NIR_EDGE_MISSING_NODE'
  | 'NIR_EMPTY_EDGES'
  | 'NIR_FLATTEN_INPUT_TYPE'
  | 'NIR_FLOAT_SHAPE'
  | 'NIR_GROUPED_CONV'
  | 'NIR_IMPLICIT_INPUT'
  | 'NIR_IMPLICIT_OUTPUT'
  | 'NIR_INFINITE_TAU'
  | 'NIR_INT_EDGES'
  | 'NIR_INT_PARAMETER'
  | 'NIR_LEGACY_NO_V_RESET'
  | 'NIR_LEGACY_NO_W_IN'
  | 'NIR_METADATA_SKIPPED'
  | 'NIR_NORSE_CURRENT'
  | 'NIR_NORSE_IAF'
  | 'NIR_NO_VERSION'
  | 'NIR_PADDING_CASE'
  | 'NIR_SCALAR_PARAMS'
  | 'NIR_SCALAR_POOL'
  | 'NIR_SHAPE_MISMATCH'
  | 'NIR_SINGLETON_DIMS';
