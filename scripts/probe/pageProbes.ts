/**
 * In-page instruments for the responsiveness probe: long tasks (PerformanceObserver 'longtask',
 * counted from start()), animation frames drawn, and the delay from a click's input event to the
 * next animation frame after its handlers ran (what a person sees as the UI's reaction).
 */
import type { Page } from '@playwright/test';

export interface PageProbeReport {
  longtasks: number;
  longestTask: number;
  longtasksOver200: number;
  frames: number;
  since: number;
  until: number;
}

/**
 * The in-page code, as plain JavaScript text: tsx would wrap a function's inner names in an
 * esbuild helper (`__name`) that does not exist in the page.
 */
const PAGE_PROBES = `(() => {
  const state = { since: 0, started: false, tasks: [], frames: 0, lastClick: null };
  new PerformanceObserver((list) => {
    if (!state.started) return;
    for (const entry of list.getEntries()) if (entry.startTime >= state.since) state.tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const frame = () => { if (state.started) state.frames++; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  globalThis.spikelabProbe = {
    start() { state.started = true; state.since = performance.now(); state.tasks = []; state.frames = 0; },
    armClick() {
      state.lastClick = null;
      document.addEventListener('click', (event) => {
        const at = event.timeStamp;
        // After every handler of this click (React's included), the next frame shows the result.
        setTimeout(() => requestAnimationFrame(() => { state.lastClick = performance.now() - at; }), 0);
      }, { capture: true, once: true });
    },
    lastClick: () => state.lastClick,
    report: () => ({
      longtasks: state.tasks.length,
      longestTask: state.tasks.length ? Math.max(...state.tasks) : 0,
      longtasksOver200: state.tasks.filter((d) => d > 200).length,
      frames: state.frames, since: state.since, until: performance.now(),
    }),
  };
})();`;

/** Installs `globalThis.spikelabProbe` before the app's own scripts run. */
export async function installPageProbes(page: Page): Promise<void> {
  await page.addInitScript({ content: PAGE_PROBES });
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([promise, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

type Probe = { armClick(): void; lastClick(): number | null };

/**
 * Clicks the element with `testId` and returns the click → next-frame delay in ms; a page that
 * does not answer within `limitMs` in all counts as `limitMs` (a lower bound).
 */
export async function clickReactionProbe(page: Page, testId: string, limitMs = 20_000): Promise<number | null> {
  const deadline = Date.now() + limitMs;
  const left = () => Math.max(1, deadline - Date.now());
  if (await within(page.evaluate(() => (globalThis as unknown as { spikelabProbe: Probe }).spikelabProbe.armClick()), left()) === 'timeout') return limitMs;
  try {
    await page.getByTestId(testId).click({ timeout: left() });
  } catch {
    return Date.now() >= deadline ? limitMs : null;
  }
  const answer = await within(page.waitForFunction(() => (globalThis as unknown as { spikelabProbe: Probe }).spikelabProbe.lastClick(), undefined,
    { timeout: left(), polling: 50 }).then((h) => h.jsonValue() as Promise<number>), left()).catch(() => 'timeout' as const);
  return answer === 'timeout' ? limitMs : answer;
}
