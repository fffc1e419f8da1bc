/** Drop a .nir file anywhere: an overlay says what will happen; the drop goes down the common open path (data files become datasets: ./dropData.ts). */
import { useEffect, useState } from 'react';
import { routeDrop } from './dropData';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function FileDropOverlay() {
  const [active, setActive] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setActive(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setActive(false);
      if (e.dataTransfer) void routeDrop(e.dataTransfer);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!active) return null;
  return (
    <div className="drop-overlay" role="dialog" aria-label="Drop to open">
      <div className="drop-card">
        <b>Drop a .nir file to open it</b>
        <span>It replaces the graph on the canvas; Undo brings the current one back.</span>
        <b>…or data to train on</b>
        <span>.npz / .npy spikes with labels, SHD .h5, N-MNIST .bin (files, folders or a zip), .safetensors: added to the Run panel's datasets.</span>
      </div>
    </div>
  );
}
