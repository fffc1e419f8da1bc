/** Page object for the lab: what a person sees and does, by accessible names. */
import { expect, type ConsoleMessage, type Page } from '@playwright/test';

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

  /** Waits until the worker reports a backend and returns its name. */
  async waitForBackend(): Promise<string> {
    await expect(this.status).toHaveAttribute('data-backend', /.+/, { timeout: 120_000 });
    return (await this.status.getAttribute('data-backend')) ?? '';
  }
}
