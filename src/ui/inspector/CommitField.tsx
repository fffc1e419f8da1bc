/**
 * A text field that commits on Enter or blur (one undo step per commit) and shows why a value was
 * refused instead of applying it. Remount it (key) when the committed value changes.
 */
import { useId, useState } from 'react';

interface Props {
  label: string;
  /** What the field is, shown on hover. */
  hint?: string;
  unit?: string;
  initial: string;
  /** Applies the text, or returns the reason it cannot be applied. */
  commit(text: string): string | null;
}

export function CommitField({ label, hint, unit, initial, commit }: Props) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const apply = () => {
    if (text === initial) return setError(null);
    setError(commit(text));
  };
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id} title={hint}>
        {label}
        {unit && <span className="unit"> ({unit})</span>}
      </label>
      <input
        id={id}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') {
            setText(initial);
            setError(null);
          }
        }}
      />
      {error && <div className="field-error" id={`${id}-error`} role="alert">{error}</div>}
    </div>
  );
}
