/** One parameter of the selected node: value with unit, validated edit, shape and histogram for tensors. */
import type { NdArray, NirNode } from '../../engine/graph/types';
import { filled } from '../../engine/graph/types';
import { unitOf } from '../editor/nodeCatalog';
import { CommitField } from './CommitField';
import { Histogram } from './Histogram';
import { parseInt1, parseInts, parsePadding, parseScalar, summary, uniformValue, type Field } from './paramFields';

interface Props {
  node: NirNode;
  field: Field;
  timeUnit: string;
  update(node: NirNode): void;
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));

export function ParamEditor({ node, field, timeUnit, update }: Props) {
  const { key, kind } = field;
  const value = (node as unknown as Record<string, unknown>)[key];
  const unit = unitOf(key, timeUnit);
  const set = (v: unknown) => update({ ...node, [key]: v } as NirNode);

  if (kind === 'array') {
    const array = value as NdArray;
    const uniform = uniformValue(array);
    const stats = summary(array);
    const shape = `[${array.shape.join(', ')}]`;
    return (
      <div className="param">
        <CommitField
          key={`${key}:${uniform}`}
          label={uniform !== null ? key : `${key}: set all to`}
          unit={unit}
          initial={uniform !== null ? fmt(uniform) : ''}
          commit={(text) => {
            const parsed = parseScalar(key, text);
            if (!parsed.ok) return parsed.message;
            set(filled(array.shape, parsed.value));
            return null;
          }}
        />
        <div className="param-meta">
          shape {shape}
          {uniform === null && ` · min ${fmt(stats.min)} · mean ${fmt(stats.mean)} · max ${fmt(stats.max)}`}
        </div>
        {uniform === null && array.data.length > 1 && <Histogram data={array.data} label={key} />}
      </div>
    );
  }
  if (kind === 'int') {
    return (
      <CommitField key={`${key}:${value}`} label={key} initial={String(value)} commit={(text) => {
        const parsed = parseInt1(key, text);
        if (!parsed.ok) return parsed.message;
        set(parsed.value);
        return null;
      }} />
    );
  }
  const current = value as number[] | string;
  const length = Array.isArray(current) ? current.length : node.type === 'Conv1d' ? 1 : 2;
  const shown = Array.isArray(current) ? current.join(', ') : current;
  return (
    <CommitField key={`${key}:${shown}`} label={key} unit={unit} initial={shown} commit={(text) => {
      const fixedLength = key === 'shape' || key === 'input_type' ? undefined : length;
      const parsed = kind === 'padding' ? parsePadding(text, length) : parseInts(key, text, fixedLength);
      if (!parsed.ok) return parsed.message;
      set(parsed.value);
      return null;
    }} />
  );
}
