/** A plot's frame: a labelled region with its title and PNG / CSV export. */
import { useRef, type ReactNode } from 'react';
import { downloadCsv, downloadPng } from './exportPlot';

interface Props {
  label: string;
  file: string;
  csv: (() => string) | null;
  children: ReactNode;
  extra?: ReactNode;
}

export function PlotCard({ label, file, csv, children, extra }: Props) {
  const body = useRef<HTMLDivElement>(null);
  return (
    <section className="plot-card" aria-label={label}>
      <header>
        <h3>{label}</h3>
        {extra}
        <button type="button" className="small" disabled={!csv} onClick={() => downloadPng(body.current, `${file}.png`)} aria-label={`Export ${label} as PNG`}>PNG</button>
        <button type="button" className="small" disabled={!csv} onClick={() => csv && downloadCsv(`${file}.csv`, csv())} aria-label={`Export ${label} data as CSV`}>CSV</button>
      </header>
      <div className="plot-body" ref={body}>{children}</div>
    </section>
  );
}

/** Reads a theme colour (CSS custom property) for canvas drawing. */
export function themeColor(element: Element | null, name: string, fallback: string): string {
  if (!element) return fallback;
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}
