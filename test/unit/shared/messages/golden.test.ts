import { describe, expect, it } from 'vitest';
import { lintDraft, renderBlocks, renderMrkdwn, titleOf } from '../../../../shared/messages/index.ts';
import { checkLimits } from '../../../../shared/slack/limits.ts';
import {
  certManagerUpgrade,
  incidentDeclaration,
  INCIDENT_NOW_MS,
  plan,
  UPGRADE_NOW_MS,
  ZONE,
} from './worked-examples.ts';

const examples = [
  {
    name: 'incident-declared',
    draft: incidentDeclaration,
    nowMs: INCIDENT_NOW_MS,
    title: 'High Priority Incident Declared - Cloud Platform',
  },
  {
    name: 'cert-manager-upgrade',
    draft: certManagerUpgrade,
    nowMs: UPGRADE_NOW_MS,
    title: 'Certificate Manager Upgrade',
  },
];

describe.each(examples)("the plan's worked example $name", ({ name, draft, nowMs, title }) => {
  it('gets its title from the structured answers', () => {
    expect(titleOf(draft(), plan, { zone: ZONE }).title).toBe(title);
  });

  it('renders to the golden mrkdwn text', async () => {
    await expect(renderMrkdwn(draft(), plan, { zone: ZONE })).toMatchFileSnapshot(
      `golden/${name}.mrkdwn.txt`,
    );
  });

  it("renders to the golden Block Kit message, within Slack's limits", async () => {
    const message = renderBlocks(draft(), plan, { zone: ZONE });
    await expect(`${JSON.stringify(message, null, 2)}\n`).toMatchFileSnapshot(`golden/${name}.blocks.json`);
    expect(message.text).toBe(renderMrkdwn(draft(), plan, { zone: ZONE }));
    expect(checkLimits(message)).toEqual([]);
  });

  it('lints clean, with every required item done', () => {
    const result = lintDraft(draft(), plan, { nowMs, zone: ZONE });
    expect(result.warnings).toEqual([]);
    expect(result.canSendWithoutOverride).toBe(true);
    expect(result.checklist.filter((entry) => entry.required && entry.state !== 'done')).toEqual([]);
  });
});

describe('the incident declaration', () => {
  it('promises the next update 30 minutes after it is written, as an instant each reader sees in their own zone', () => {
    const draft = incidentDeclaration();
    expect(draft.fields.nextUpdateAtUtc).toBe('2026-04-23T09:00:00.000Z');
    expect(renderMrkdwn(draft, plan, { zone: ZONE })).toContain(
      '*Next update:* <!date^1776934800^{date_short_pretty} at {time}|Thu 23 Apr 2026, 10:00 BST>',
    );
  });
});

describe('the cert-manager notice', () => {
  it('starts at 12:00 on 23 April, asks users to act by the end of 22 April, and points to #ask-cloud-platform', () => {
    const text = renderMrkdwn(certManagerUpgrade(), plan, { zone: ZONE });
    expect(text).toContain('*When:* <!date^1776942000^');
    expect(text).toContain('|Thu 23 Apr 2026, 12:00 BST>');
    expect(text).toContain(
      '*Do this by:* <!date^1776898740^{date_short_pretty} at {time}|Wed 22 Apr 2026, 23:59 BST>',
    );
    expect(text).toContain('*Questions or problems:* #ask-cloud-platform');
    expect(text).toContain('```\n# before\napiVersion: certmanager.k8s.io/v1alpha1');
  });

  it('links the channel when its Slack id is known', () => {
    const text = renderMrkdwn(certManagerUpgrade(), plan, {
      zone: ZONE,
      channelIds: { 'ask-cloud-platform': 'C012AB3CD' },
    });
    expect(text).toContain('*Questions or problems:* <#C012AB3CD>');
  });
});
