import { screens } from '../../renderer/app/screens.ts';
import { expect, test } from './fixtures.ts';
import { goTo } from './helpers.ts';

test.describe('connecting Slack', () => {
  test('the comms lead connects Slack with a bot token and sees the workspace and bot name', async ({
    page,
    openHerald,
    slack,
    harness,
    apiResponses,
    expectNoAxeViolations,
  }) => {
    await openHerald('Settings');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    // The token must not linger in the address bar.
    expect(page.url()).not.toContain(harness.token);

    await page.getByLabel('Slack token').fill(slack.botToken);
    await page.getByRole('button', { name: 'Connect Slack' }).click();
    // The harness stores the token with weak protection, so it asks first; nothing typed is lost.
    await expect(page.getByRole('alert')).toContainText('weak protection');
    await expect(page.getByLabel('Slack token')).toHaveValue(slack.botToken);

    await page.getByLabel(/I understand the token will be stored/).check();
    await page.getByRole('button', { name: 'Connect Slack' }).click();
    await expect(page.getByTestId('slack-connected')).toContainText(
      'Connected to Ministry of Justice as herald',
    );
    await expectNoAxeViolations();
    await page.screenshot({ path: 'docs/screenshots/settings-connected.png' });

    // It survives a reload, and the renderer never sees the token again.
    await page.reload();
    await expect(page.getByTestId('slack-connected')).toContainText('Ministry of Justice');
    expect(slack.requests.filter((request) => request.method === 'auth.test')).toHaveLength(1);
    for (const body of apiResponses) expect(body).not.toContain(slack.botToken);
    expect(harness.output()).not.toContain(slack.botToken);
    // A quiet start: the harness printed its summary, not JSON log lines (those need --verbose).
    expect(harness.output()).toContain('Data folder:');
    expect(harness.output()).not.toMatch(/^\{"time"/m);
    // The structured log is in the data folder now, not on the console: it recorded the connection, without the token.
    expect(harness.logFileText()).toContain('"event":"slack.connected"');
    expect(harness.logFileText()).not.toContain(slack.botToken);
    expect(await page.content()).not.toContain(slack.botToken);
  });

  test('the token is bound to the Slack host chosen when connecting, and no API call can move it', async ({
    page,
    openHerald,
    slack,
    harness,
    expectNoAxeViolations,
  }) => {
    await openHerald('Settings');
    // The host is chosen with the token: this run's test server (given with --slack-api-url) first, then Slack's own.
    const hosts = page.getByRole('group', { name: 'Slack host' });
    await expect(hosts.getByRole('radio')).toHaveCount(3);
    await expect(hosts.getByRole('radio', { name: slack.url })).toBeChecked();
    await expect(
      hosts.getByRole('radio', { name: /^GovSlack https:\/\/slack-gov\.com\/api\/$/ }),
    ).toBeVisible();
    await expect(hosts.getByRole('radio', { name: /^Slack https:\/\/slack\.com\/api\/$/ })).toBeVisible();
    await expect(page.getByLabel('Slack API address')).toHaveCount(0);

    await page.getByLabel('Slack token').fill(slack.botToken);
    await page.getByLabel(/I understand the token will be stored/).check();
    await page.getByRole('button', { name: 'Connect Slack' }).click();
    await expect(page.getByTestId('slack-host')).toContainText(slack.url);
    await expect(
      page.getByText('To use another Slack host (such as GovSlack), disconnect, then connect again'),
    ).toBeVisible();
    await expectNoAxeViolations();
    await page.screenshot({ path: 'test-results/settings-slack-host.png' });

    // A compromised page calls the API directly: neither settings nor connect can send the token elsewhere.
    const refusal = (call: Promise<unknown>) =>
      call.then(
        () => 'accepted',
        (error: Error) => error.message,
      );
    expect(
      await refusal(harness.call('settings:update', { slackApiUrl: 'https://evil.example/api/' })),
    ).toContain('slackApiUrl');
    expect(
      await refusal(
        harness.call('slack:connect', {
          token: slack.botToken,
          apiUrl: 'https://evil.example/api/',
          acceptWeakProtection: true,
        }),
      ),
    ).toContain('only to Slack itself');
    await page.reload();
    await expect(page.getByTestId('slack-host')).toContainText(slack.url);

    // Changing host: disconnect, and the host choice comes back beside an empty token field (tests never reach a real Slack).
    await page.getByRole('button', { name: 'Disconnect' }).click();
    const govSlack = page
      .getByRole('group', { name: 'Slack host' })
      .getByRole('radio', { name: /^GovSlack/ });
    await govSlack.check();
    await expect(govSlack).toBeChecked();
    await expect(page.getByLabel('Slack token')).toHaveValue('');
    expect(harness.output()).not.toContain(slack.botToken);
    expect(harness.logFileText()).toContain('"event":"slack.disconnected"');
    expect(harness.logFileText()).not.toContain(slack.botToken);
  });

  test('a token Slack rejects gets a clear error and stays in the field', async ({
    page,
    openHerald,
    slack,
    harness,
  }) => {
    await openHerald('Settings');
    slack.revokeToken(slack.botToken);
    await page.getByLabel('Slack token').fill(slack.botToken);
    await page.getByLabel(/I understand the token will be stored/).check();
    await page.getByRole('button', { name: 'Connect Slack' }).click();
    await expect(page.getByRole('alert')).toContainText('Slack did not accept the token');
    await expect(page.getByLabel('Slack token')).toHaveValue(slack.botToken);
    expect(harness.output()).not.toContain(slack.botToken);
    expect(harness.logFileText()).toContain('"event":"slack.connect_failed"');
    expect(harness.logFileText()).not.toContain(slack.botToken);
  });

  test('a malformed token is caught in the form before anything is sent', async ({
    page,
    openHerald,
    slack,
  }) => {
    await openHerald('Settings');
    await page.getByLabel('Slack token').fill('not-a-token');
    await page.getByRole('button', { name: 'Connect Slack' }).click();
    await expect(page.getByText('A Slack token starts with xoxb- (bot) or xoxp- (user).')).toBeVisible();
    expect(slack.requests).toHaveLength(0);
  });
});

test.describe('connecting Slack where the scope header is stripped', () => {
  test.use({ slackOptions: { omitScopesHeader: true } });

  test('Settings says the permissions could not be checked, not that they are missing', async ({
    page,
    openHerald,
    slack,
    expectNoAxeViolations,
  }) => {
    await openHerald('Settings');
    await page.getByLabel('Slack token').fill(slack.botToken);
    await page.getByLabel(/I understand the token will be stored/).check();
    await page.getByRole('button', { name: 'Connect Slack' }).click();
    await expect(page.getByTestId('slack-connected')).toContainText(
      'Connected to Ministry of Justice as herald',
    );
    await expect(page.getByTestId('slack-scopes-unchecked')).toContainText(
      'Herald could not check the Slack app’s permissions',
    );
    await expect(page.getByTestId('slack-scopes-unchecked')).toContainText('chat:write, channels:read');
    await expect(page.getByText('The Slack app is missing permissions')).toHaveCount(0);
    await expectNoAxeViolations();
  });
});

test.describe('the app shell', () => {
  test('every screen is reachable from the navigation and has no axe violations', async ({
    page,
    openHerald,
    expectNoAxeViolations,
  }) => {
    await openHerald();
    for (const { label: name } of screens) {
      await goTo(page, name);
      await expectNoAxeViolations();
    }
  });
  // The page's isolation (CSP, other origins, files, framing) is tested in renderer-isolation.spec.ts.
});
