import { defineConfig } from '@playwright/test';

/**
 * The desktop-window suite, kept apart from the web-mode e2e config because it needs an Electron binary (which skips
 * the whole suite where none is installed) and launches real app instances: one at a time.
 */
export default defineConfig({
  testDir: 'tests/e2e-electron',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
