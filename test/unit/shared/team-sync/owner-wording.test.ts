// The owner line every screen shows, written once.
import { describe, expect, it } from 'vitest';
import { atName, commsOwnerText, eventOwner, isTheirs } from '../../../../shared/team-sync/owner-wording.ts';

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

  it('an event made here before a lead was named is this lead’s; another lead’s stays theirs', () => {
    expect(eventOwner({ owner: '', origin: 'local' }, ME)).toBe(ME);
    expect(eventOwner({ owner: '', origin: 'slack' }, ME)).toBe('');
    expect(eventOwner({ owner: PRIYA, origin: 'slack' }, ME)).toBe(PRIYA);
    expect(isTheirs(PRIYA, ME)).toBe(true);
    expect(isTheirs(ME, ME)).toBe(false);
    expect(isTheirs('', ME)).toBe(false);
  });
});
