// The composer at start: when the bootstrap has answered (main.tsx waits for
// it before the first render), entering opens the draft Herald had open in
// the same task, so the first render draws it; when the bootstrap is still
// on its way, the draft opens as soon as it answers. Either way the draft is
// reopened as it was, without telling the server again (drafts:setCurrent).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HeraldApi } from '../../../../../shared/api/contract.ts';
import type { Bootstrap } from '../../../../../shared/api/channels/app.ts';
import { fail, ok } from '../../../../../shared/api/result.ts';
import type { StoredDraft } from '../../../../../shared/drafts/stored-draft.ts';
import { resetToDefaultPlan } from '../../../../../shared/plan/default-plan.ts';
import { defaultReminderSettings } from '../../../../../shared/reminders/reminder-settings.ts';
import { defaultSettings } from '../../../../../shared/settings/settings.ts';
import { zoneOffsetSeed } from '../../../../../shared/time/zoned.ts';

const plan = resetToDefaultPlan();
const NOW = '2026-12-07T10:00:00.000Z';
const stored: StoredDraft = {
  draft: {
    id: 'draft-open',
    typeId: plan.types[0]!.id,
    stage: plan.types[0]!.stages[0]!,
    title: 'Database upgrade on Tuesday',
    fields: {},
    notApplicable: {},
    body: 'The database is upgraded between 09:00 and 10:00.',
    channel: 'operations-engineering-update',
  },
  meta: {
    createdAtUtc: NOW,
    updatedAtUtc: NOW,
    revision: 3,
    origin: { kind: 'manual' },
    focusedField: 'body',
    deletedAtUtc: null,
  },
};
const bootstrap: Bootstrap = {
  info: {
    version: '0.0.0-test',
    host: 'browser-harness',
    hasTestClock: false,
    slackApiUrlOverride: null,
    storageNotices: [],
  },
  nowUtc: NOW,
  settings: defaultSettings,
  reminderSettings: defaultReminderSettings,
  plan,
  currentDraft: stored,
  startScreen: null,
  connection: { state: 'online', message: 'Connected', sinceUtc: NOW, nextCheckAtUtc: null },
  slack: {
    connected: false,
    identity: null,
    protection: { level: 'os', backend: 'test keychain', explanation: 'The OS keychain protects the key.' },
    apiUrl: 'https://slack.com/api/',
    allowedApiUrls: ['https://slack.com/api/'],
    problem: null,
  },
  zoneOffsets: zoneOffsetSeed(
    defaultSettings.timeZone,
    Date.parse(NOW) - 86_400_000,
    Date.parse(NOW) + 86_400_000,
  ),
};

/** A page with a fake window.herald whose bootstrap answers when `answer()` is called. */
function installPage() {
  const calls: string[] = [];
  let answer!: () => void;
  const answered = new Promise<void>((settle) => (answer = settle));
  const api = {
    invoke: async (channel: string) => {
      calls.push(channel);
      if (channel === 'app:bootstrap') {
        await answered;
        return ok(bootstrap);
      }
      return fail('unavailable', 'not part of this test');
    },
    on: () => () => undefined,
  } as unknown as HeraldApi;
  const store = new Map<string, string>();
  const localStorage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  };
  vi.stubGlobal('window', { herald: api, localStorage, addEventListener: () => undefined });
  vi.stubGlobal('document', { addEventListener: () => undefined, visibilityState: 'visible' });
  return { calls, answer };
}

async function loadModules() {
  const { bootstrapped } = await import('../../../../../renderer/server-state/bootstrap.ts');
  const { useComposer } = await import('../../../../../renderer/features/composer/composer-store.ts');
  return { bootstrapped, useComposer };
}

describe('the composer at start', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it('opens the draft in the same task once the bootstrap has answered', async () => {
    const page = installPage();
    const { bootstrapped, useComposer } = await loadModules();
    const started = bootstrapped();
    page.answer();
    await started;

    void useComposer.getState().enter();
    // No await: the first render, right after this call, must find the draft.
    const state = useComposer.getState();
    expect(state.phase).toBe('editing');
    expect(state.draft).toEqual(stored.draft);
    expect(state.focusRequest).toBe('body');
    expect(page.calls).not.toContain('drafts:setCurrent');
    // The Slack connection came with the bootstrap: the banner draws in the first render, with no slack:status.
    const { useSlack, knowSlackStatus } =
      await import('../../../../../renderer/features/settings/slack-store.ts');
    expect(useSlack.getState().status).toEqual(bootstrap.slack);
    knowSlackStatus();
    expect(page.calls).not.toContain('slack:status');
  });

  it('shows "loading" while the bootstrap is on its way, then opens the draft when it answers', async () => {
    const page = installPage();
    const { bootstrapped, useComposer } = await loadModules();
    void bootstrapped();
    const entered = useComposer.getState().enter();
    expect(useComposer.getState().phase).toBe('loading');

    page.answer();
    await entered;
    expect(useComposer.getState().phase).toBe('editing');
    expect(useComposer.getState().draft?.title).toBe('Database upgrade on Tuesday');
    // Entering again (the screen's own effect) neither reopens nor writes anything.
    await useComposer.getState().enter();
    expect(page.calls.filter((channel) => channel === 'app:bootstrap')).toHaveLength(1);
    expect(page.calls).not.toContain('drafts:setCurrent');
  });

  /** Starts a page whose bootstrap has `currentDraft` open and has answered, then enters the composer. */
  async function enterWith(currentDraft: StoredDraft | null) {
    const page = installPage();
    bootstrap.currentDraft = currentDraft;
    const { bootstrapped, useComposer } = await loadModules();
    const started = bootstrapped();
    page.answer();
    await started;
    void useComposer.getState().enter();
    return useComposer;
  }

  it('offers the start panel when Herald had no draft open', async () => {
    try {
      const useComposer = await enterWith(null);
      expect(useComposer.getState().phase).toBe('start');
    } finally {
      bootstrap.currentDraft = stored;
    }
  });

  it('writes nothing when the cursor is put back in a reopened draft, and saves where the author moves it after', async () => {
    try {
      const useComposer = await enterWith({ ...stored, meta: { ...stored.meta, focusedField: null } });
      // No field stored: the reopen asks for the default one (the first question), and focusing it is the restore's own.
      expect(useComposer.getState().focusRequest).toBe('');
      useComposer.getState().noteFocus('answers.service');
      expect(useComposer.getState().focusedField).toBe('answers.service');
      expect(useComposer.getState().saver?.hasUnsaved()).toBe(false);
      useComposer.getState().clearFocusRequest();

      // The author moves the cursor: that is remembered with the draft.
      useComposer.getState().noteFocus('body');
      expect(useComposer.getState().saver?.hasUnsaved()).toBe(true);
      expect(useComposer.getState().saver?.unsavedSnapshot()?.focusedField).toBe('body');
      useComposer.getState().saver?.dispose();
    } finally {
      bootstrap.currentDraft = stored;
    }
  });
});
