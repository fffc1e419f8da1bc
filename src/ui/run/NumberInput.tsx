/** A Run panel number field: a change is taken only when it is a finite number within [min, max] (else the field keeps its value). */
export function NumberInput({ id, value, min, max, step, disabled, onChange }: { id: string; value: number; min: number; max?: number; step?: number; disabled?: boolean; onChange(v: number): void }) {
  return (
    <input id={id} type="number" value={value} min={min} max={max} step={step ?? 'any'} disabled={disabled}
      onChange={(e) => {
        const v = Number(e.target.value);
        if (e.target.value !== '' && Number.isFinite(v) && v >= min && (max === undefined || v <= max)) onChange(v);
      }} />
  );
}
