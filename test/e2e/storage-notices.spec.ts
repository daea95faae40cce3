// A store file Herald cannot use is never wiped silently: one with wrong
// values is moved aside and reported, and one written by a newer Herald is
// kept unchanged and reported as such, not as corrupt.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

test.describe('store files Herald cannot use', () => {
  test('settings with wrong values are moved aside and reported, not silently reset', async ({
    page,
    openHerald,
    harness,
    dataDir,
  }) => {
    await harness.stop();
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ schemaVersion: 2, data: { timeZone: 'Mars/Olympus_Mons', keepRunningInTray: 'yes' } }),
    );
    await harness.start();

    await openHerald('Settings');
    const notice = page.getByRole('region', { name: 'Storage problems' }).getByRole('alert');
    await expect(notice).toContainText('Herald could not read its settings file');
    const aside = readdirSync(dataDir).filter((name) => name.startsWith('settings.corrupt-'));
    expect(aside).toHaveLength(1);
    await expect(notice).toContainText(aside[0]!);
    // What the lead had is kept aside, byte for byte; the screen starts from the defaults.
    expect(readFileSync(join(dataDir, aside[0]!), 'utf8')).toContain('Mars/Olympus_Mons');
    await expect(page.getByLabel('Your time zone')).toHaveValue('Europe/London');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });

  test('a file written by a newer Herald is kept unchanged and called that, not corrupt', async ({
    page,
    openHerald,
    harness,
    dataDir,
  }) => {
    await harness.stop();
    const fromTheFuture = JSON.stringify({ schemaVersion: 99, data: { somethingNew: true } });
    writeFileSync(join(dataDir, 'calendar-settings.json'), fromTheFuture);
    await harness.start();

    await openHerald('Calendar');
    const notice = page.getByRole('region', { name: 'Storage problems' }).getByRole('alert');
    await expect(notice).toContainText('was written by a newer version of Herald');
    await expect(notice).not.toContainText('could not read');
    const kept = readdirSync(dataDir).filter((name) =>
      name.startsWith('calendar-settings.from-newer-herald-'),
    );
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dataDir, kept[0]!), 'utf8')).toBe(fromTheFuture);
    expect(readdirSync(dataDir).some((name) => name.startsWith('calendar-settings.corrupt-'))).toBe(false);
    // The calendar still works from its defaults.
    await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
  });
});
