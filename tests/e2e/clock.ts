/**
 * A day the server and the browser agree on: `doudi serve` reads the instant in a clock file
 * (DOUDI_CLOCK_FILE), and the browser's clock is fixed to the same day (date pickers refuse days after today).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

export function movableClock() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-e2e-clock-')), 'now');
  // Written aside and renamed in, so the server never reads a half-written (empty) file and falls back to the system clock.
  const setServerDate = (date: string) => {
    fs.writeFileSync(`${file}.next`, `${date}T09:00:00+08:00`);
    fs.renameSync(`${file}.next`, file);
  };
  return {
    /** The environment that makes the server read this clock. */
    env: { DOUDI_CLOCK_FILE: file },
    setServerDate,
    async setDate(page: Page, date: string) {
      setServerDate(date);
      await page.clock.setFixedTime(new Date(`${date}T09:30:00+08:00`));
    },
    dispose: () => fs.rmSync(path.dirname(file), { recursive: true, force: true }),
  };
}
