/**
 * What the tolerant reader (docs/specs/nir.md §10) changed or noticed while loading a file.
 * The UI lists them beside the graph; `node` is the node's path ("sub.inner" inside subgraphs).
 * Codes are stable:
 *  NIR_NO_VERSION          no /version dataset (nir ≤ 0.1); read as legacy
 *  NIR_LEGACY_NO_V_RESET   IF/LIF/CubaLIF without v_reset (nir < 1.0.6): 0, reset semantics unknown
 *  NIR_LEGACY_NO_W_IN      CubaLI/CubaLIF without w_in (nir 0.2 era): 1
 *  NIR_SCALAR_PARAMS       0-d (or mixed-rank) neuron parameters broadcast to the layer size
 *  NIR_SINGLETON_DIMS      Input/Output shape with extra size-1 (batch/time) dims squeezed
 *  NIR_CONV_INPUT_SHAPE    Conv without input_shape (nir 0.x): inferred from the predecessor
 *  NIR_FLATTEN_INPUT_TYPE  Flatten without input_type: inferred
 *  NIR_SCALAR_POOL         pooling kernel/stride/padding given as a scalar k: read as (k, k)
 *  NIR_PADDING_CASE        "SAME"/"VALID" (old Spyx) read as lower case
 *  NIR_INT_EDGES           integer edges mapped to the integer-named nodes
 *  NIR_EMPTY_EDGES         the graph has no edges
 *  NIR_DUPLICATE_EDGE      a repeated edge was removed
 *  NIR_IMPLICIT_INPUT / NIR_IMPLICIT_OUTPUT   an Input/Output added for a root/leaf node, as nir.read does
 *  NIR_INFINITE_TAU        a time constant is +∞ (no leak)
 *  NIR_GROUPED_CONV        groups > 1: the official nir.read type check rejects it
 *  NIR_INT_PARAMETER       an integer dataset where NIR expects floats (converted)
 *  NIR_METADATA_SKIPPED    a metadata entry of a kind the lab cannot hold (e.g. vlen) was left out
 *  NIR_FLOAT_SHAPE         Input/Output shape stored as floats
 *  NIR_SHAPE_MISMATCH      (only with allowShapeErrors) shapes that do not chain along an edge
 */
import type { WarningCode } from '../core/errorCodes';

export interface NirWarning {
  code: WarningCode;
  message: string;
  node?: string;
}

export class WarningList {
  readonly items: NirWarning[] = [];

  add(code: WarningCode, message: string, node?: string): void {
    this.items.push(node === undefined ? { code, message } : { code, message, node });
  }
}
