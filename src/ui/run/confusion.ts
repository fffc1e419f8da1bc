/** Figures read off a confusion matrix (rows: true class, columns: prediction), for the Evaluate view. */

/** Per true class: correct / total (NaN for a class with no samples). */
export function perClassAccuracy(confusion: ArrayLike<number>, rows: number, cols: number): number[] {
  return Array.from({ length: rows }, (_, t) => {
    let total = 0;
    for (let p = 0; p < cols; p++) total += confusion[t * cols + p];
    return total === 0 ? Number.NaN : (t < cols ? confusion[t * cols + t] : 0) / total;
  });
}

/** The largest count (for shading cells), at least 1. */
export function maxCount(confusion: ArrayLike<number>): number {
  let max = 1;
  for (let i = 0; i < confusion.length; i++) max = Math.max(max, confusion[i]);
  return max;
}
