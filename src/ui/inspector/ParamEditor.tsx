/**
 * One parameter of the selected node, as its catalogue entry describes it: value with unit,
 * validated edit (the entry's bounds and tuple length), shape and histogram for tensors.
 */
import { unitOf, type ParamSpec, type Trained } from '../../engine/graph/primitives';
import type { NdArray, NirNode } from '../../engine/graph/types';
import { filled } from '../../engine/graph/types';
import { CommitField } from './CommitField';
import { Histogram } from './Histogram';
import { parseInt1, parseInts, parsePadding, parseScalar, summary, uniformValue } from './paramFields';

interface Props {
  node: NirNode;
  field: ParamSpec;
  timeUnit: string;
  update(node: NirNode): void;
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));
const TRAINED: Record<Trained, string> = { always: 'trained', learn_decay: 'trained as a decay with learn_decay' };

export function ParamEditor({ node, field, timeUnit, update }: Props) {
  const { key, kind } = field;
  const value = (node as unknown as Record<string, unknown>)[key];
  const unit = unitOf(field, timeUnit);
  const hint = field.trained ? `${field.meaning}; ${TRAINED[field.trained]}` : field.meaning;
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
          hint={hint}
          unit={unit}
          initial={uniform !== null ? fmt(uniform) : ''}
          commit={(text) => {
            const parsed = parseScalar(field, text);
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
      <CommitField key={`${key}:${value}`} label={key} hint={hint} initial={String(value)} commit={(text) => {
        const parsed = parseInt1(field, text);
        if (!parsed.ok) return parsed.message;
        set(parsed.value);
        return null;
      }} />
    );
  }
  const current = value as number[] | string;
  const shown = Array.isArray(current) ? current.join(', ') : current;
  return (
    <CommitField key={`${key}:${shown}`} label={key} hint={hint} unit={unit} initial={shown} commit={(text) => {
      const parsed = kind === 'padding' ? parsePadding(field, text) : parseInts(field, text);
      if (!parsed.ok) return parsed.message;
      set(parsed.value);
      return null;
    }} />
  );
}
