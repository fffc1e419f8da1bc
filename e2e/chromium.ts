/**
 * Launch options for Debian's Chromium, headless, with WebGPU on (SwiftShader where there is no
 * GPU) and the background services off (this machine's closed network refuses them). As root
 * Chromium needs --no-sandbox. Measured and explained in docs/specs/webgpu.md §1.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Chromium not found (tried ${candidates.join(', ')}); install Debian's chromium or set CHROME_PATH.`);
  return found;
}

export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-unsafe-webgpu',
    ],
  };
}
