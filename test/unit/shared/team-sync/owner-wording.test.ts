// The owner line every screen shows, written once.
import { describe, expect, it } from 'vitest';
import type { Heard } from '../../../../shared/api/channels/audiences.ts';
import { describeHeard } from '../../../../shared/audiences/flag-wording.ts';
import {
  atName,
  commsOwnerText,
  eventOwner,
  isTheirs,
  unnamedLeadNote,
} from '../../../../shared/team-sync/owner-wording.ts';

const ME = 'U0COMMSLEAD';
const PRIYA = 'U0COMMSLD2';
const people = { [ME]: 'Comms Lead', [PRIYA]: 'Priya (comms)' };

describe('who has comms, in words', () => {
  it('says "you", names another lead, or says no lead is named', () => {
    expect(commsOwnerText(ME, ME, people)).toBe('Comms: you have it.');
    expect(commsOwnerText(PRIYA, ME, people)).toBe('Comms: @Priya (comms) has it.');
    expect(commsOwnerText('', ME, people)).toBe('Comms: no lead named.');
    // Without the workspace's people (Slack not connected) the id stands in for the name.
    expect(commsOwnerText(PRIYA, ME, {})).toBe('Comms: @U0COMMSLD2 has it.');
    expect(atName(PRIYA, people)).toBe('@Priya (comms)');
  });

  it('a solo Herald (no lead named) says nothing about owners, except that an entry is another lead’s', () => {
    expect(commsOwnerText('', '', people)).toBeNull();
    expect(commsOwnerText(PRIYA, '', people)).toBe('Comms: @Priya (comms) has it.');
    // An event made here with no lead named is nobody's: nothing to say either.
    expect(commsOwnerText(eventOwner({ owner: '', origin: 'local' }, ''), '', people)).toBeNull();
  });

  it('an event made here before a lead was named is this lead’s; another lead’s stays theirs', () => {
    expect(eventOwner({ owner: '', origin: 'local' }, ME)).toBe(ME);
    expect(eventOwner({ owner: '', origin: 'slack' }, ME)).toBe('');
    expect(eventOwner({ owner: PRIYA, origin: 'slack' }, ME)).toBe(PRIYA);
    expect(isTheirs(PRIYA, ME)).toBe(true);
    expect(isTheirs(ME, ME)).toBe(false);
    expect(isTheirs('', ME)).toBe(false);
    // A Herald with no lead named acts for everything (it could not take anything over), as main does.
    expect(isTheirs(PRIYA, '')).toBe(false);
  });

  it('a Herald with no lead named says why it acts for another lead’s work, and how to leave it to them', () => {
    expect(unnamedLeadNote(PRIYA, '', people, 'maintenance')).toBe(
      'No lead is named in this Herald’s Settings, so it reminds you of every maintenance’s messages, this one’s too. Name yourself there to leave @Priya (comms)’s work to them.',
    );
    expect(unnamedLeadNote(PRIYA, '', people, 'incident')).toMatch(/every incident’s updates/);
    // Nothing to say once a lead is named (isTheirs then decides), or when nobody owns it.
    expect(unnamedLeadNote(PRIYA, ME, people, 'incident')).toBeNull();
    expect(unnamedLeadNote('', '', people, 'maintenance')).toBeNull();
  });
});

describe('who sent what a channel last heard', () => {
  const heard = (via: Heard['via'], actor: string): Heard => ({
    heraldId: 'h-1',
    atUtc: '2026-04-23T11:00:00.000Z',
    permalink: null,
    via,
    actor,
    claims: {
      stage: 'announcement',
      status: 'announced',
      nextUpdateAtUtc: null,
      startsAtUtc: null,
      endsAtUtc: null,
      timeZone: null,
    },
  });
  it('says you, names another lead, or says another lead when the message names none', () => {
    const zone = 'Europe/London';
    expect(describeHeard(heard('here', ME), zone, ME, people)).toBe('Sent Thu 23 Apr 2026, 12:00 BST by you');
    expect(describeHeard(heard('team', PRIYA), zone, ME, people)).toBe(
      'Sent Thu 23 Apr 2026, 12:00 BST by @Priya (comms)',
    );
    expect(describeHeard(heard('team', ''), zone, ME, people)).toBe(
      'Sent Thu 23 Apr 2026, 12:00 BST by another lead',
    );
  });
});
