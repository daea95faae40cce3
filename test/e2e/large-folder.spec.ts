// History and the Outbox on a data folder after a year of use (10,000 sent
// messages, 1,000 waiting to be sent): each screen loads one page and counts
// the rest, loads more only when asked, and History searches every month on
// core's side, so what the page receives is sized by the page, not the folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY, fillFolder } from '../../bench/support/large-folder.ts';
import { expect, test as base } from './fixtures.ts';
import { goTo } from './helpers.ts';

const SENT = 10_000;
const QUEUED = 1_000;
/** A count as the screens write it ("10,000"). */
const shown = (count: number) => count.toLocaleString('en-GB');

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-e2e-large-'));
    fillFolder(dataDir, { ...EMPTY, history: SENT, queued: QUEUED }, Date.now());
    await use(dataDir);
  },
});

test.describe('a year of history', () => {
  test('History and the Outbox page and search 10,000 sent and 1,000 queued messages without loading them all', async ({
    page,
    openHerald,
    expectNoAxeViolations,
  }) => {
    // Two full screens of cards, each checked by axe: minutes on a busy machine.
    test.setTimeout(240_000);
    /** Bytes of each answer the page received, by channel. */
    const answers: Array<{ channel: string; bytes: number }> = [];
    page.on('response', (response) => {
      const channel = /\/api\/([a-z]+:[A-Za-z]+)/.exec(decodeURIComponent(response.url()))?.[1];
      if (channel === 'history:list' || channel === 'outbox:list')
        void response.body().then((body) => answers.push({ channel, bytes: body.length }));
    });

    await openHerald('History');
    const count = page.getByTestId('history-count');
    const entries = page.getByTestId('history-entry');
    await expect(count).toHaveText(`Showing the newest 100 of ${shown(SENT)}`);
    await expect(entries).toHaveCount(100);
    // Newest first: the last message sent is at the top.
    await expect(entries.first()).toContainText(`Incident update ${SENT - 1}:`);
    await page.screenshot({ path: '/tmp/s4-core-cost-history-large.png' });
    await expectNoAxeViolations();

    await page.getByRole('button', { name: `Load more (${shown(SENT - 100)} older)` }).click();
    await expect(count).toHaveText(`Showing the newest 200 of ${shown(SENT)}`);
    await expect(entries).toHaveCount(200);
    await expect(entries.nth(199)).toContainText(`Incident update ${SENT - 200}:`);

    // A search reaches back through every month: one message from months ago…
    await page.getByLabel('Words in the message').fill('Incident update 1234:');
    await expect(count).toHaveText('1 message');
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toContainText('Incident update 1234:');
    // …and many: a page of them, the rest counted.
    await page.getByLabel('Words in the message').fill('update 12');
    await expect(count).toHaveText(/^Showing the newest 100 of [\d,]+$/);
    const matching = Number((await count.textContent())?.replace(/^.* of /, '').replaceAll(',', ''));
    expect(matching).toBeGreaterThan(100);
    expect(matching).toBeLessThan(SENT);

    await goTo(page, 'Outbox');
    const waiting = page.getByTestId('outbox-waiting').getByTestId('outbox-item');
    await expect(waiting).toHaveCount(200);
    // The heading counts what core holds, not just the page shown.
    await expect(page.getByTestId('outbox-waiting-count')).toHaveText(`(200 of ${shown(QUEUED)})`);
    await expect(waiting.first()).toContainText('Queued message 0');
    await page.screenshot({ path: '/tmp/s4-core-cost-outbox-large.png' });
    await expectNoAxeViolations();
    await page.getByRole('button', { name: `Load more (${shown(QUEUED - 200)} not shown yet)` }).click();
    await expect(waiting).toHaveCount(400);
    await expect(page.getByTestId('outbox-waiting-count')).toHaveText(`(400 of ${shown(QUEUED)})`);
    await expect(waiting.nth(399)).toContainText('Queued message 399');

    // Every answer was a page: none carried the folder.
    await expect
      .poll(() => answers.filter((answer) => answer.channel === 'history:list').length)
      .toBeGreaterThan(3);
    expect(answers.filter((answer) => answer.channel === 'outbox:list').length).toBeGreaterThan(1);
    for (const answer of answers) expect(answer.bytes, answer.channel).toBeLessThan(400_000);
  });
});
