/** Export a plot: its canvas or SVG as PNG, its data as CSV (browser downloads). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(name: string, csv: string): void {
  download(name, new Blob([csv], { type: 'text/csv' }));
}

function canvasToPng(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => {
    if (blob) download(name, blob);
  }, 'image/png');
}

/** The plot's canvas (or its canvases composed as laid out, or else an SVG) inside `root`, as a PNG on the panel colour. */
export function downloadPng(root: HTMLElement | null, name: string): void {
  if (!root) return;
  const canvases = [...root.querySelectorAll('canvas')];
  if (canvases.length === 1) return canvasToPng(canvases[0], name);
  const svg = root.querySelector('svg');
  const box = (canvases.length > 1 ? root : svg ?? root).getBoundingClientRect();
  const scale = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(box.width * scale));
  out.height = Math.max(1, Math.round(box.height * scale));
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = getComputedStyle(root).getPropertyValue('--bg') || '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  if (canvases.length > 1) {
    for (const c of canvases) {
      const r = c.getBoundingClientRect();
      ctx.drawImage(c, (r.left - box.left) * scale, (r.top - box.top) * scale, r.width * scale, r.height * scale);
    }
    return canvasToPng(out, name);
  }
  if (!svg) return;
  const clone = svg.cloneNode(true) as SVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('color', getComputedStyle(svg).color);
  const image = new Image();
  image.onload = () => {
    ctx.drawImage(image, 0, 0, out.width, out.height);
    canvasToPng(out, name);
  };
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
}
