import { describe, expect, it } from 'vitest';
import {
  channelReference,
  codeBlock,
  escapeMrkdwn,
  isLinkableUrl,
  neutraliseMentionsOutsideTokens,
  plainTextLine,
  sanitiseText,
  slackLink,
} from '../../../../../shared/slack/format/escape.ts';

describe('escapeMrkdwn', () => {
  it('escapes the three characters Slack reserves, ampersand first', () => {
    expect(escapeMrkdwn('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });

  it('defuses mention tokens and bare broadcast mentions typed by the author', () => {
    expect(escapeMrkdwn('<!channel> <@U123> <!here>')).toBe('&lt;!channel&gt; &lt;@U123&gt; &lt;!here&gt;');
    expect(escapeMrkdwn('@here @Channel @everyone')).toBe('@\u2060here @\u2060Channel @\u2060everyone');
    expect(escapeMrkdwn('@here_ @here-team')).toBe('@\u2060here_ @\u2060here-team');
  });

  it('leaves ordinary @ and formatting characters alone', () => {
    expect(escapeMrkdwn('*bold* _it_ ops@hereford.gov.uk @heretic')).toBe(
      '*bold* _it_ ops@hereford.gov.uk @heretic',
    );
  });

  it('removes control and direction-changing characters but keeps tabs and newlines', () => {
    expect(sanitiseText('a\u0000b\u0007c\u202ed\u2066e\tf\r\ng\rh\u2028i')).toBe('abcde\tf\ng\nh\ni');
  });
});

describe('code blocks', () => {
  it('escape their content and cannot be closed early by the author', () => {
    expect(codeBlock('if a < b && c:\n  ```\n')).toBe(
      '```\nif a &lt; b &amp;&amp; c:\n  `\u200b`\u200b`\n```',
    );
  });
});

describe('links and channels', () => {
  it('links only safe http(s) URLs, escaping & in them', () => {
    expect(slackLink('https://example.org/a?b=1&c=2', 'notes')).toBe(
      '<https://example.org/a?b=1&amp;c=2|notes>',
    );
    expect(slackLink('https://example.org')).toBe('<https://example.org>');
    expect(slackLink('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(slackLink('https://x.org/|<!channel>')).toBe('https://x.org/|&lt;!channel&gt;');
    expect(isLinkableUrl('https://exa mple.org')).toBe(false);
  });

  it('keeps a link label from ending the token early', () => {
    expect(slackLink('https://example.org', 'a|b>c')).toBe('<https://example.org|a\u2223b&gt;c>');
  });

  it('links a channel by id when known, otherwise shows its name as text', () => {
    expect(channelReference('#ask-cloud-platform', { 'ask-cloud-platform': 'C0123ABC' })).toBe('<#C0123ABC>');
    expect(channelReference('#ask-cloud-platform')).toBe('#ask-cloud-platform');
    expect(channelReference('#ask-cloud-platform', { 'ask-cloud-platform': 'not an id>' })).toBe(
      '#ask-cloud-platform',
    );
  });
});

describe('plain text for headers', () => {
  it('is one line without mentions', () => {
    expect(plainTextLine(' Incident\n - Sentry @here ')).toBe('Incident - Sentry @\u2060here');
  });
});

describe('neutraliseMentionsOutsideTokens', () => {
  it('catches mentions formed by joining pieces, without touching Slack tokens', () => {
    expect(neutraliseMentionsOutsideTokens('@' + 'here <https://x.org/@here>')).toBe(
      '@\u2060here <https://x.org/@here>',
    );
  });
});

describe('unsafe URLs', () => {
  it('are not linked when they carry invisible or control characters', () => {
    expect(isLinkableUrl('https://example.org/\u007f')).toBe(false);
    expect(isLinkableUrl('https://example.org/\u202eevil')).toBe(false);
    expect(slackLink('https://example.org/\u0085x')).toBe('https://example.org/x');
  });
});
