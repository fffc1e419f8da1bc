/** NIR codec: `readNir` (tolerant, docs/specs/nir.md §10) and `writeNir` (writer profile, §9). */
export { readNir, type ReadNirOptions, type ReadNirResult } from './readNir';
export { writeNir, prepareForWrite, NIR_FORMAT_VERSION, type WriteNirOptions } from './writeNir';
export { guessDt, type DtGuess } from './dtGuess';
export type { NirWarning } from './warnings';
