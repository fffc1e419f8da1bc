/**
 * The datasets each NIR node type holds (docs/specs/nir.md §5), as the reader checks them,
 * derived from the catalogue (../graph/primitives): `required` must be present (the tolerant
 * reader still infers Conv `input_shape`), `defaults` are those the official reader fills in when
 * absent (v_reset 0, w_in 1, Flatten dims/input_type), `ignored` the constructor's keys that are
 * never written, `float` the real-valued parameters of an element-wise node (which all share its
 * shape). The writer emits exactly `required` plus `defaults` keys (nir.md §9.2–§9.3).
 */
import { PRIMITIVES } from '../graph/primitives';
import { NODE_TYPES, type NodeType } from '../graph/types';

export interface NodeSchema {
  required: readonly string[];
  defaults: readonly string[];
  ignored: readonly string[];
  float: readonly string[];
}

type PrimitiveType = Exclude<NodeType, 'NIRGraph'>;

function schemaOf(type: PrimitiveType): NodeSchema {
  const { params, nirIgnored, sizedBy } = PRIMITIVES[type];
  const keys = (keep: (p: (typeof params)[number]) => boolean) => params.filter(keep).map((p) => p.key);
  return {
    required: keys((p) => p.ifAbsent?.by !== 'nir.read'),
    defaults: keys((p) => p.ifAbsent?.by === 'nir.read'),
    ignored: nirIgnored,
    float: sizedBy === undefined ? [] : keys((p) => p.kind === 'array'),
  };
}

export const SCHEMA = Object.fromEntries(
  NODE_TYPES.filter((t): t is PrimitiveType => t !== 'NIRGraph').map((t) => [t, schemaOf(t)]),
) as Record<PrimitiveType, NodeSchema>;
