// The steps end-to-end specs share, written once: moving between screens,
// connecting Slack (through Settings, or through the API when the
// connection is not the subject), finding a calendar day, and sending
// messages through the API the composer uses (drafts:create → drafts:save →
// messages:send) for specs whose subject is what follows.
import { type Browser, expect, type Page } from '@playwright/test';
import type { RestartableHarness } from '../support/harness-process.ts';

export const MINUTE_MS = 60_000;
/** The plan's channel for incident and maintenance updates. */
export const UPDATE_CHANNEL = 'operations-engineering-update';

/** Opens a screen from the main navigation and waits for its heading. */
export async function goTo(page: Page, screen: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: screen, exact: true })
    .click();
  await expect(page.getByRole('heading', { name: screen, level: 1 })).toBeVisible();
}

/** A day of the calendar's month grid. */
export const calendarDay = (page: Page, date: string) =>
  page.locator(`[role="gridcell"][data-date="${date}"]`);

/** Connects Slack as the lead does (Settings, the token, the storage warning accepted, Connect) to the fake's workspace. */
export async function connectSlackInSettings(page: Page, token: string): Promise<void> {
  await goTo(page, 'Settings');
  await page.getByLabel('Slack token').fill(token);
  await page.getByLabel(/I understand the token will be stored/).check();
  await page.getByRole('button', { name: 'Connect Slack', exact: true }).click();
  await expect(page.getByTestId('slack-connected')).toContainText(
    'Connected to Ministry of Justice as herald',
  );
}

/** Connects Slack through the API, for specs whose subject comes after. */
export async function connectSlack(harness: RestartableHarness, token: string): Promise<void> {
  await harness.call('slack:connect', { token, acceptWeakProtection: true });
}

export interface StoredDraftLike {
  draft: { id: string; fields: Record<string, string> } & Record<string, unknown>;
}

export interface Sent {
  outboxItemId: string;
  incidentId: string | null;
}

/** Fills a stored draft's answers and sends it now, as the composer does. */
export async function fillAndSend(
  harness: RestartableHarness,
  stored: StoredDraftLike,
  fields: Record<string, string>,
): Promise<Sent> {
  const draft = { ...stored.draft, fields: { ...stored.draft.fields, ...fields } };
  await harness.call('drafts:save', { draft: draft as never });
  return await harness.call<Sent>('messages:send', { draftId: draft.id, mode: 'now' });
}

/** Creates a draft (`{ typeId, fields? }`) and sends it; `options` adds to messages:send (mode, overrideReason, …). */
export async function createAndSend(
  harness: RestartableHarness,
  draft: Record<string, unknown>,
  options: Record<string, unknown> = {},
): Promise<Sent> {
  const created = await harness.call<{ draft: { id: string } }>('drafts:create', draft);
  return await harness.call<Sent>('messages:send', { draftId: created.draft.id, mode: 'now', ...options });
}

/** A declaration's answers for an incident on Sentry. */
export const SENTRY_DECLARATION: Record<string, string> = {
  service: 'Sentry',
  serviceImpact: 'Errors are not reaching Sentry.',
  actionBeingTaken: 'We are investigating.',
  userActions: 'None',
};

/** The team specs' declaration: a high-priority incident on Sentry (add its `nextUpdateAtUtc`). */
export const SENTRY_HIGH_DECLARATION: Record<string, string> = {
  service: 'Sentry',
  priority: 'high',
  serviceImpact: 'Errors are not reaching Sentry.',
  actionBeingTaken: 'An incident team is investigating.',
  userActions: 'Nothing for now.',
};

/**
 * Lead A's declaration for the team specs: the high-priority Sentry incident promising its next update at
 * `nextUpdateAtUtc`, sent through the API; resolves once Slack shows it.
 */
export async function declareInSlack(
  harness: RestartableHarness,
  slack: { messages: (channel: string) => readonly unknown[] },
  nextUpdateAtUtc: string,
): Promise<Sent> {
  const before = slack.messages(UPDATE_CHANNEL).length;
  const declared = await createAndSend(harness, {
    typeId: 'incidents',
    fields: { ...SENTRY_HIGH_DECLARATION, nextUpdateAtUtc },
  });
  await expect.poll(() => slack.messages(UPDATE_CHANNEL).length, { timeout: 20_000 }).toBe(before + 1);
  return declared;
}

/** Opens another lead's Herald (a second harness) in its own browser context, on `screen`. */
export async function openOtherHerald(
  browser: Browser,
  harness: RestartableHarness,
  screen: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(harness.url);
  await goTo(page, screen);
  return page;
}

/** Declares an incident promising the next update at `nextUpdateAtUtc`; returns its id. */
export async function declareIncident(
  harness: RestartableHarness,
  nextUpdateAtUtc: string,
  declaration: Record<string, string> = SENTRY_DECLARATION,
): Promise<string> {
  const created = await harness.call<StoredDraftLike>('drafts:create', { typeId: 'incidents' });
  const sent = await fillAndSend(harness, created, { ...declaration, nextUpdateAtUtc });
  return sent.incidentId!;
}

/** The plan's worked example as calendar:create takes it: the cert-manager upgrade, Thu 23 Apr 2026, 12:00–17:00 BST. */
export const CERT_MANAGER_UPGRADE = {
  title: 'Certificate Manager Upgrade',
  workKind: 'upgrade',
  what: 'Upgrading cert-manager from v0.8 to v0.14.',
  startsAtUtc: '2026-04-23T11:00:00.000Z',
  endsAtUtc: '2026-04-23T16:00:00.000Z',
  services: ['cert-manager'],
  impact: 'We do not expect any downtime.',
  userActions: 'Move your certificate definitions into the environments repository.',
  userActionDeadlineUtc: '2026-04-22T22:59:00.000Z' as string | null,
};

/** Opens the cert-manager upgrade's panel from its day in the month grid. */
export async function openCertManager(page: Page, date: string) {
  await calendarDay(page, date)
    .getByRole('button', { name: /Certificate Manager Upgrade/ })
    .first()
    .click();
  const panel = page.getByRole('region', { name: 'Certificate Manager Upgrade' });
  await expect(panel).toBeVisible();
  return panel;
}

/** Moves the cert-manager upgrade a week on, to Thu 30 Apr 2026, from its panel's Reschedule dialog. */
export async function rescheduleCertManager(page: Page, panel: ReturnType<Page['getByRole']>): Promise<void> {
  await panel.getByRole('button', { name: 'Reschedule' }).click();
  const move = page.getByRole('dialog', { name: 'Reschedule “Certificate Manager Upgrade”' });
  await move.getByLabel('New start date').fill('2026-04-30');
  await move.getByLabel('New end date').fill('2026-04-30');
  await move.getByLabel('Why is it moving?').fill('It clashes with a platform release.');
  await move.getByRole('button', { name: 'Reschedule' }).click();
  await expect(move).toHaveCount(0);
}

/** Waits until Herald knows Slack answers (it schedules in Slack, and sends, only then). */
export async function waitUntilOnline(harness: RestartableHarness): Promise<void> {
  await expect
    .poll(
      async () => (await harness.call<{ connection: { state: string } }>('outbox:list', {})).connection.state,
    )
    .toBe('online');
}

/** How an event's message leaves through messages:send: now, once Slack answers, or scheduled in Slack. */
export type EventMessageSend =
  { mode: 'now' } | { mode: 'when_online' } | { mode: 'schedule'; atUtc: string };

/**
 * Opens a maintenance event's message (its announcement unless `stage` says otherwise) as a draft and sends it
 * through the API, past the checklist with a lead's reason, for specs whose subject is what follows. Returns the
 * draft's id.
 */
export async function sendEventMessage(
  harness: RestartableHarness,
  eventId: string,
  send: EventMessageSend = { mode: 'now' },
  stage = 'announcement',
): Promise<string> {
  const opened = await harness.call<{ draftId: string }>('calendar:openDraft', { eventId, stage });
  await harness.call('messages:send', {
    draftId: opened.draftId,
    ...send,
    overrideReason: 'Checked with the team lead.',
  });
  return opened.draftId;
}
