/** A handle on the canvas viewport for actions outside React (fit view), registered by the canvas. */
type FitView = () => void;

let current: FitView | null = null;

export function registerFitView(fit: FitView | null): void {
  current = fit;
}

export function fitView(): void {
  current?.();
}
