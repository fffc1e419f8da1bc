/** One labelled field of the Run panel: the label tied to its control by a generated id. */
import { useId, type ReactNode } from 'react';

export function RunField({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="run-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
