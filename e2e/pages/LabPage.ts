/** Page object for the lab: what a person sees and does, by accessible names. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, type ConsoleMessage, type Download, type Page } from '@playwright/test';

export class LabPage {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`pageerror: ${error.message}`));
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
  }

  get status() {
    return this.page.getByRole('status');
  }

  region(name: string) {
    return this.page.getByRole('region', { name }).or(this.page.getByLabel(name, { exact: true })).first();
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Waits until the worker reports a backend and returns its name. */
  async waitForBackend(): Promise<string> {
    await expect(this.status).toHaveAttribute('data-backend', /.+/, { timeout: 120_000 });
    return (await this.status.getAttribute('data-backend')) ?? '';
  }

  /** Node name → type of the populations on the canvas. */
  async canvasNodes(): Promise<Record<string, string>> {
    return this.page.locator('[data-node-type]').evaluateAll((elements) =>
      Object.fromEntries(elements.map((e) => [(e as HTMLElement).dataset.testid!.replace(/^node-/, ''), (e as HTMLElement).dataset.nodeType!])));
  }

  node(name: string) {
    return this.page.getByTestId(`node-${name}`);
  }

  /** Drops bytes on the page as a file, the way a person drags one in from the desktop. */
  async dropBytes(bytes: Buffer, name: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(({ b64, fileName }) => {
      const binary = atob(b64);
      const data = Uint8Array.from(binary, (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], fileName));
      return transfer;
    }, { b64: bytes.toString('base64'), fileName: name });
    await this.page.dispatchEvent('.canvas', 'dragenter', { dataTransfer });
    await expect(this.page.getByRole('dialog', { name: 'Drop to open' })).toBeVisible();
    await this.page.dispatchEvent('.canvas', 'drop', { dataTransfer });
  }

  async dropFile(path: string): Promise<void> {
    await this.dropBytes(readFileSync(path), basename(path));
  }

  notes() {
    return this.page.getByLabel('Notes');
  }

  /** Opens a palette template and waits until `node` (one of its nodes) is on the canvas. */
  async openTemplate(label: RegExp, node: string): Promise<void> {
    const canvas = this.page.locator('.canvas-flow');
    await expect(canvas).toHaveAttribute('data-revision', /[1-9]/); // the start-up graph is in
    const revision = await canvas.getAttribute('data-revision');
    await this.region('Palette').getByRole('button', { name: label }).click();
    await expect(canvas).not.toHaveAttribute('data-revision', revision ?? '');
    await expect(this.node(node)).toBeVisible();
  }

  /** Clicks a button that downloads, and returns the download. */
  async download(click: () => Promise<void>): Promise<Download> {
    const pending = this.page.waitForEvent('download');
    await click();
    return pending;
  }

  async downloadText(click: () => Promise<void>): Promise<string> {
    const download = await this.download(click);
    const path = await download.path();
    return readFileSync(path, 'utf8');
  }

  /** The Run panel's field by its label. */
  runField(label: string) {
    return this.region('Run').getByLabel(label, { exact: true });
  }

  async waitForPhase(phase: string, timeout = 240_000): Promise<void> {
    await expect(this.page.locator('.run-progress')).toHaveAttribute('data-phase', phase, { timeout });
  }

  /** The finished step the Run panel shows ("step 12 / 200"), 0 when it shows none. */
  async stepNumber(): Promise<number> {
    const shown = this.page.getByTestId('run-step');
    if ((await shown.count()) === 0) return 0;
    return Number(/step (\d+)/.exec((await shown.textContent()) ?? '')?.[1] ?? 0);
  }

  /** The step of the training checkpoint stored in IndexedDB, 0 when there is none. */
  async storedCheckpointStep(): Promise<number> {
    return this.page.evaluate(() => new Promise<number>((resolve) => {
      const request = indexedDB.open('spikelab');
      request.onsuccess = () => {
        const get = request.result.transaction('workspace').objectStore('workspace').get('checkpoint');
        get.onsuccess = () => resolve(Number(get.result?.progress?.step ?? 0));
        get.onerror = () => resolve(0);
      };
      request.onerror = () => resolve(0);
    }));
  }

  /** Kills the engine worker without telling the page (needs `?testHooks=1`, src/ui/app/testHooks.ts). */
  async killEngine(): Promise<void> {
    await this.page.evaluate(() => {
      const hooks = (globalThis as { spikelabEngine?: { terminate(): void } }).spikelabEngine;
      if (!hooks) throw new Error('no test hooks: open the lab with ?testHooks=1');
      hooks.terminate();
    });
  }
}
