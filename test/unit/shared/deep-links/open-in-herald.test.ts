import { describe, expect, it } from 'vitest';
import { openInHeraldMrkdwn, openInHeraldTarget } from '../../../../shared/deep-links/open-in-herald.ts';
import { renderHeadline } from '../../../../shared/incidents/headline.ts';
import { renderBlocks } from '../../../../shared/messages/render.ts';
import { createDraft } from '../../../../shared/messages/draft.ts';
import { resetToDefaultPlan } from '../../../../shared/plan/default-plan.ts';

const plan = resetToDefaultPlan();

const ID = '3f2b8c1e-9a4d-4e7b-8c2f-1d5e6a7b8c9d';
const LINK = `<herald://incident/${ID}|Open in Herald>`;

describe('which messages carry "Open in Herald"', () => {
  it('a declaration links to its incident; its updates and resolution do not', () => {
    expect(openInHeraldTarget({ typeId: 'incidents', stage: 'declared' }, { incidentId: ID })).toEqual({
      kind: 'incident',
      id: ID,
    });
    for (const stage of ['update', 'resolved'])
      expect(openInHeraldTarget({ typeId: 'incidents', stage }, { incidentId: ID })).toBeNull();
  });

  it('a maintenance announcement and the rescheduled one link to the event; reminders and the rest do not', () => {
    for (const stage of ['announcement', 'rescheduled'])
      expect(openInHeraldTarget({ typeId: 'upgrades-maintenance', stage }, { eventId: ID })).toEqual({
        kind: 'event',
        id: ID,
      });
    for (const stage of ['reminder', 'starting', 'complete', 'cancelled'])
      expect(openInHeraldTarget({ typeId: 'upgrades-maintenance', stage }, { eventId: ID })).toBeNull();
    expect(openInHeraldTarget({ typeId: 'upgrades-maintenance', stage: 'announcement' }, {})).toBeNull();
  });

  it('is a mrkdwn link only for one of Herald’s ids', () => {
    expect(openInHeraldMrkdwn({ kind: 'incident', id: ID })).toBe(LINK);
    expect(openInHeraldMrkdwn({ kind: 'incident', id: 'inc-1|x>' })).toBe('');
    expect(openInHeraldMrkdwn(null)).toBe('');
  });
});

describe('where the link sits', () => {
  it('in the small print of a rendered declaration, once', () => {
    const created = createDraft(plan, { typeId: 'incidents', stage: 'declared', id: 'd1' });
    if (!created.ok) throw new Error(created.error.message);
    const draft = { ...created.value, fields: { ...created.value.fields, service: 'Sentry' } };
    const rendered = renderBlocks(draft, plan, {
      zone: 'Europe/London',
      openInHerald: { kind: 'incident', id: ID },
    });
    const context = rendered.blocks.filter((block) => block.type === 'context');
    expect(JSON.stringify(context)).toContain(LINK);
    expect(JSON.stringify(rendered.blocks).split(LINK)).toHaveLength(2);
    expect(JSON.stringify(renderBlocks(draft, plan, { zone: 'Europe/London' }))).not.toContain('herald://');
  });

  it('in the headline’s small print, kept as the headline is rewritten', () => {
    const headline = renderHeadline(
      {
        title: 'High Priority Incident Declared - Sentry',
        status: 'investigating',
        nextUpdateAtUtc: null,
        resolvedAtUtc: null,
        latestReply: null,
        postmortemUrl: null,
        incidentId: ID,
      },
      null,
      'Europe/London',
    );
    const last = headline.blocks.at(-1);
    expect(last?.type).toBe('context');
    expect(JSON.stringify(last)).toContain(LINK);
  });
});
