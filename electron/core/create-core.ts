// Composition root for core: opens the stores, builds the services, and
// returns the router and event bus that a transport binds. Everything that
// differs between Electron and the browser harness comes in as an argument.
import type { StorageNotice } from '../../shared/api/channels/app.ts';
import type { ReminderSettings } from '../../shared/reminders/reminder-settings.ts';
import { testOnlyChannels, type Channel } from '../../shared/api/index.ts';
import { createAppApi } from './app/app-handlers.ts';
import { createSlackFollow } from './calendar/slack-follow.ts';
import { createCalendarFiles } from './calendar/calendar-files.ts';
import { createCalendarService, type CalendarService } from './calendar/calendar-service.ts';
import { calendarSettingsStoreDefinition, calendarStoreDefinition } from './calendar/calendar-store.ts';
import { createHistoryDigestSource } from './calendar/history-digest.ts';
import { createEventBus, type EventBus } from './api/event-bus.ts';
import { createRouter, type Handlers, type Router } from './api/router.ts';
import type { Clock } from './clock/clock.ts';
import type { TestClock } from './clock/test-clock.ts';
import { createDraftFiles } from './drafts/draft-files.ts';
import {
  createDraftsService,
  draftWorkspaceStoreDefinition,
  type DraftsService,
} from './drafts/drafts-service.ts';
import { openHistorySegments } from './history/history-segments.ts';
import { createHistoryService, type HistoryService } from './history/history-service.ts';
import {
  createIncidentsService,
  incidentsStoreDefinition,
  type IncidentsService,
} from './incidents/incidents-service.ts';
import type { Logger } from './logging/logger.ts';
import { createSendService } from './messages/send-service.ts';
import { createEditService } from './messages/edit-service.ts';
import { createPromiseRestamp } from './messages/promise-restamp.ts';
import { createSeriesChanges } from './calendar/series-changes.ts';
import { createHeadlineKeeper } from './incidents/incident-headline.ts';
import { createOutboxService, type OutboxService } from './outbox/outbox-service.ts';
import { openOutboxFiles } from './outbox/outbox-store.ts';
import { openSessionRecord } from './storage/session-record.ts';
import { createStartScreens } from './app/start-screen.ts';
import { createPlanService, planStoreDefinition, type PlanService } from './plan/plan-service.ts';
import { openReminderFiles } from './reminders/reminder-files.ts';
import {
  createReminderService,
  reminderSettingsStoreDefinition,
  type ReminderService,
} from './reminders/reminder-service.ts';
import type { SecretBox } from './secrets/secret-box.ts';
import {
  createSettingsService,
  settingsStoreDefinition,
  type SettingsService,
} from './settings/settings-service.ts';
import {
  channelDirectoryStoreDefinition,
  createChannelDirectory,
  type ChannelDirectory,
} from './slack/channel-directory.ts';
import { createApiUrlPolicy } from './slack/api-url-policy.ts';
import { createSlackClientFactory, type SlackClientFactory } from './slack/slack-client.ts';
import {
  connectionStoreDefinition,
  createSlackConnection,
  type SlackConnection,
} from './slack/slack-connection.ts';
import { createSlackGateway, type SlackGateway } from './slack/slack-gateway.ts';
import type { ConfFactory } from './storage/conf-like.ts';
import {
  createTemplatesService,
  templatesStoreDefinition,
  type TemplatesService,
} from './templates/templates-service.ts';
import { openVersionedStore, type OpenStoreContext, type VersionedStore } from './storage/versioned-store.ts';
import { createDiagnostics } from './diagnostics/diagnostics-handlers.ts';
import { createAudienceLedger, audienceLedgerStoreDefinition } from './audiences/audience-ledger.ts';
import { correctionRechecks } from './team-sync/correction-rechecks.ts';
import { createAudiencesService, type AudiencesService } from './audiences/audiences-service.ts';
import { createAttentionService, type AttentionService } from './notifications/attention-service.ts';
import { createDeepLinks, type DeepLinks } from './deep-links/deep-link-service.ts';
import { hostCapabilities } from './notifications/host-capabilities.ts';
import {
  createLoginItemService,
  type LoginItemPort,
  type LoginItemService,
} from './login-item/login-item.ts';
import { createUnsavedWork, restartBlocker, type UnsavedWork } from './updates/restart-blocker.ts';
import { createUpdateController, type UpdateController } from './updates/update-controller.ts';
import type { UpdaterPort } from './updates/updater-port.ts';
import type { WindowState } from './window-state/window-placement.ts';
import { syncCursorsStoreDefinition } from './team-sync/sync-cursors.ts';
import { createTeamSync, type TeamSync } from './team-sync/team-sync-service.ts';
import { maintenanceFactsOf } from './team-sync/maintenance-facts.ts';
import { windowStateStoreDefinition } from './window-state/window-state-store.ts';

export interface CoreDeps {
  host: 'electron' | 'browser-harness';
  version: string;
  dataDir: string;
  createBackend: ConfFactory;
  secretBox: SecretBox;
  clock: Clock;
  logger: Logger;
  /** Only the harness's --test-clock mode passes one; it must be the same object as `clock`. */
  testClock?: TestClock;
  /**
   * The one non-Slack Web API URL a token may be entered for in this run (--slack-api-url, and
   * HERALD_SLACK_API_URL in the harness): how tests reach the fake Slack. Normalised; see api-url-policy.ts.
   */
  slackApiUrlOverride?: string;
  createSlackClient?: SlackClientFactory;
  /** The self-updater (electron-updater in a packaged desktop build); absent where Herald cannot update itself. */
  updater?: UpdaterPort | null;
  /** Shown in Settings when there is no updater. */
  updatesUnsupportedReason?: string;
  /** The operating system's login item (desktop only). */
  loginItem?: LoginItemPort | null;
  /** This run was started by the login item. */
  wasLaunchedAtLogin?: boolean;
  /** Lets the window close for real just before an update restarts Herald. */
  prepareToQuit?: () => void;
  /** Where the structured log is written (for the diagnostics bundle); null when it is not. */
  logDir?: string | null;
  /** Electron's crash dumps folder; null in the browser harness. */
  crashDumpsDir?: string | null;
  /** The platform notifications and the tray are built for (what they can show); this computer's when absent. */
  platform?: NodeJS.Platform;
  /** This boot's identity (storage/session-record.ts currentBootId); tests pass one to act out a power cut. */
  bootId?: string;
}

export interface Core {
  router: Router;
  bus: EventBus;
  slack: SlackConnection;
  plan: PlanService;
  drafts: DraftsService;
  templates: TemplatesService;
  reminders: ReminderService;
  incidents: IncidentsService;
  /** Every Slack message goes through the outbox. */
  outbox: OutboxService;
  channels: ChannelDirectory;
  history: HistoryService;
  slackGateway: SlackGateway;
  calendar: CalendarService;
  /** The shared picture: reads the plan's channels in Slack and merges other leads' messages. */
  teamSync: TeamSync;
  audiences: AudiencesService;
  /** "Open in Herald" links: the shells hand over links from outside (the OS, the harness's /open route). */
  deepLinks: DeepLinks;
  /**
   * Notifications and the tray, decided in core. Built here, started by the desktop shell, which draws them
   * (attention-shell.ts); the browser harness has no tray and never starts it.
   */
  attention: AttentionService;
  /** The user's settings (the shell reads keepRunningInTray and the time zone). */
  settings: SettingsService;
  /** The reminder preferences as stored now (sounds, due-soon window). */
  reminderSettings(): ReminderSettings;
  storageNotices: readonly StorageNotice[];
  updates: UpdateController;
  loginItem: LoginItemService;
  /** Whether the renderer has a draft with unsaved keystrokes. */
  unsavedWork: UnsavedWork;
  /** The window's last size, position and display; opened on first use, so only the Electron shell keeps one. */
  windowState(): VersionedStore<{ saved: WindowState | null }>;
  /** Starts the timers (reminders; later the outbox). Call once the host is ready. */
  start(): void;
  stop(): void;
}

export function createCore(deps: CoreDeps): Core {
  const bus = createEventBus(deps.logger);
  const storageNotices: StorageNotice[] = [];
  const storeContext: OpenStoreContext = {
    dataDir: deps.dataDir,
    createBackend: deps.createBackend,
    nowMs: () => deps.clock.now(),
    onQuarantine(notice) {
      storageNotices.push(notice);
      deps.logger.warn('storage.quarantined', { ...notice });
      bus.emit('storage:quarantined', notice);
    },
  };

  const settings = createSettingsService(openVersionedStore(settingsStoreDefinition, storeContext), bus);
  // One Slack client factory for the connection (auth.test) and the gateway (everything else).
  const createSlackClient = deps.createSlackClient ?? createSlackClientFactory(deps.logger);
  const slack = createSlackConnection({
    store: openVersionedStore(connectionStoreDefinition, storeContext),
    secretBox: deps.secretBox,
    createClient: createSlackClient,
    apiUrls: createApiUrlPolicy(deps.slackApiUrlOverride),
    bus,
    logger: deps.logger,
    nowMs: () => deps.clock.now(),
  });

  const plan = createPlanService(openVersionedStore(planStoreDefinition, storeContext), bus);
  // Templates and drafts refer to each other (a draft starts from a template; a template is saved
  // from a draft), so each gets a lookup into the other; `drafts` is only called after both exist.
  const templates = createTemplatesService({
    store: openVersionedStore(templatesStoreDefinition, storeContext),
    plan: plan.get,
    findDraft: (id) => drafts.get(id)?.draft,
    bus,
  });
  const drafts: DraftsService = createDraftsService({
    files: createDraftFiles(deps.dataDir, storeContext),
    workspace: openVersionedStore(draftWorkspaceStoreDefinition, storeContext),
    plan: plan.get,
    findTemplate: templates.find,
    bus,
    nowMs: () => deps.clock.now(),
  });

  const reminderSettingsStore = openVersionedStore(reminderSettingsStoreDefinition, storeContext);
  const reminders = createReminderService({
    clock: deps.clock,
    logger: deps.logger,
    bus,
    files: openReminderFiles(deps.dataDir, storeContext),
    settingsStore: reminderSettingsStore,
  });

  const incidents = createIncidentsService({
    store: openVersionedStore(incidentsStoreDefinition, storeContext),
    drafts,
    scheduler: reminders.scheduler,
    bus,
    nowMs: () => deps.clock.now(),
    plan: () => plan.get(),
    lead: () => settings.get().lead?.userId ?? '',
    escalateAfterMs: () => plan.get().escalationGraceMinutes * 60_000,
    // The outbox and History are built below; the keeper reaches them only once messages are sent.
    headline: createHeadlineKeeper({
      outbox: () => outboxService,
      history: () => history,
      plan: plan.get,
      zone: () => settings.get().timeZone,
      logger: deps.logger,
    }),
  });
  const slackGateway = createSlackGateway({
    credential: () => slack.credential(),
    createClient: createSlackClient,
  });
  const slackIdentity = async () => (await slack.status()).identity;
  const channelDirectory = createChannelDirectory({
    store: openVersionedStore(channelDirectoryStoreDefinition, storeContext),
    gateway: slackGateway,
    clock: deps.clock,
    logger: deps.logger,
    identity: slackIdentity,
  });
  const history = createHistoryService(
    openHistorySegments(deps.dataDir, {
      ...storeContext,
      onBadLines: (month, count) => deps.logger.warn('history.unreadable_lines', { month, count }),
    }),
    bus,
  );
  // Read before the outbox opens: whether the last run's unsynced `sending` writes may be lost (a power cut).
  const session = openSessionRecord(deps.dataDir, deps.bootId);
  const outboxService = createOutboxService({
    mayHaveLostWrites: session.mayHaveLostWrites,
    files: openOutboxFiles(deps.dataDir, storeContext),
    gateway: slackGateway,
    directory: channelDirectory,
    history,
    bus,
    clock: deps.clock,
    logger: deps.logger,
    workspaceUrl: async () => (await slackIdentity())?.workspaceUrl || null,
    restamp: createPromiseRestamp({ plan: plan.get, zone: () => settings.get().timeZone }),
  });
  outboxService.onChanged((item) => incidents.noteSent(item));
  const sending = createSendService({
    drafts,
    incidents,
    outbox: outboxService,
    plan: plan.get,
    zone: () => settings.get().timeZone,
    nowMs: () => deps.clock.now(),
    lead: () => settings.get().lead?.userId ?? '',
    maintenanceFacts: (eventId, stage, actor) => {
      const detail = calendar.get(eventId);
      return detail.ok ? maintenanceFactsOf(detail.value, stage, actor) : undefined;
    },
    afterQueued: (item) => {
      const attached = calendarFiles.attach(item);
      if (!attached.ok) deps.logger.warn('calendar.file_not_attached', { code: attached.error.code });
    },
  });

  const editing = createEditService({
    drafts,
    history,
    outbox: outboxService,
    incidents,
    lead: () => settings.get().lead?.userId ?? '',
    maintenanceFacts: (eventId, stage, actor) => {
      const detail = calendar.get(eventId);
      return detail.ok ? maintenanceFactsOf(detail.value, stage, actor) : undefined;
    },
    plan: plan.get,
    zone: () => settings.get().timeZone,
    nowMs: () => deps.clock.now(),
  });

  const calendar = createCalendarService({
    store: openVersionedStore(calendarStoreDefinition, storeContext),
    settingsStore: openVersionedStore(calendarSettingsStoreDefinition, storeContext),
    reminders: reminders.scheduler,
    drafts,
    plan: plan.get,
    userZone: () => settings.get().timeZone,
    history: createHistoryDigestSource({ history, incidents: incidents.list, plan: plan.get }),
    clock: deps.clock,
    bus,
    logger: deps.logger,
    lead: () => settings.get().lead?.userId ?? '',
  });
  outboxService.onChanged((item) => calendar.noteSent(item));
  // The event's calendar file (.ics) goes into the thread of each message whose stage carries it.
  const calendarFiles = createCalendarFiles({
    findEvent: (id) => calendar.find(id),
    outbox: outboxService,
    fileStages: () => calendar.settings().calendarFileStages,
    clock: deps.clock,
  });
  // An event's messages waiting in Slack follow the event when it moves, changes or is called off.
  const slackFollow = createSlackFollow({
    findEvent: (id) => calendar.find(id),
    outbox: outboxService,
    drafts,
    plan: plan.get,
    zone: () => settings.get().timeZone,
    clock: deps.clock,
    logger: deps.logger,
    calendarFiles,
  });
  const stopSlackFollow = slackFollow.start();
  const seriesChanges = createSeriesChanges({ calendar, slackFollow });

  // What each audience last heard: fed by this Herald's sends and by the team sync's reading of Slack.
  const audienceLedger = createAudienceLedger(
    openVersionedStore(audienceLedgerStoreDefinition, storeContext),
    () => deps.clock.now(),
  );
  const audiences = createAudiencesService({
    ledger: audienceLedger,
    plan: plan.get,
    incidents,
    calendar,
    drafts,
    outbox: outboxService,
    history,
    bus,
    clock: deps.clock,
    logger: deps.logger,
  });

  const teamSync = createTeamSync({
    gateway: slackGateway,
    directory: channelDirectory,
    plan: plan.get,
    incidents,
    calendar,
    outbox: outboxService,
    store: openVersionedStore(syncCursorsStoreDefinition, storeContext),
    clock: deps.clock,
    bus,
    logger: deps.logger,
    workspaceId: async () => (await slackIdentity())?.workspaceId ?? null,
    lead: () => settings.get().lead,
    onHeard: (message) => audiences.noteFromSlack(message),
    // What may have been corrected in place since it was read: other leads' maintenance, resolutions of the last day.
    rechecks: () =>
      correctionRechecks({
        ledger: audienceLedger,
        findEvent: (id) => calendar.find(id),
        incidents: incidents.list(),
        nowMs: deps.clock.now(),
      }),
  });
  const deepLinks = createDeepLinks({
    hasIncident: (id) => incidents.get(id) !== undefined,
    hasEvent: (id) => calendar.find(id) !== undefined,
    syncNow: () => teamSync.syncOnce(),
    bus,
    logger: deps.logger,
  });
  // Whose alerts an incident raises depends on the lead setting and the plan's grace period.
  bus.subscribe((event) => {
    if (event === 'settings:changed' || event === 'plan:changed') incidents.realignAlerts();
    // Whose maintenance reminders this Herald raises depends on the lead setting too.
    if (event === 'settings:changed') calendar.sync();
  });

  // Declared before use by the update controller's callbacks, which only run after createCore returns.
  const sendingCount = () => outboxService.list(['sending']).items.length;
  const unsavedWork = createUnsavedWork(() => updates.refresh());
  const updates = createUpdateController({
    updater: deps.updater ?? null,
    unsupportedReason:
      deps.updatesUnsupportedReason ??
      'This copy of Herald cannot update itself (a development build or the browser harness).',
    currentVersion: deps.version,
    clock: deps.clock,
    logger: deps.logger,
    isAutoDownload: () => settings.get().autoDownloadUpdates,
    restartBlocker: () => restartBlocker(sendingCount(), unsavedWork.hasUnsavedDraft()),
    prepareToQuit: deps.prepareToQuit ?? (() => {}),
    onChange: (status) => bus.emit('updates:changed', status),
  });
  outboxService.onChanged(() => updates.refresh());
  const loginItem = createLoginItemService({
    port: deps.loginItem ?? null,
    wasLaunchedAtLogin: deps.wasLaunchedAtLogin ?? false,
    openAtLogin: () => settings.get().openAtLogin,
    logger: deps.logger,
  });
  bus.subscribe((event) => {
    if (event !== 'settings:changed') return;
    loginItem.apply();
    updates.refresh();
  });

  const attention = createAttentionService({
    reminders,
    bus,
    clock: deps.clock,
    logger: deps.logger,
    timeZone: () => settings.get().timeZone,
    reminderSettings: () => reminderSettingsStore.read(),
    capabilities: hostCapabilities(deps.platform ?? process.platform),
    readyUpdateVersion: () => {
      const update = updates.status();
      return update.state === 'ready' ? update.version : null;
    },
  });

  let windowState: VersionedStore<{ saved: WindowState | null }> | null = null;

  const app = createAppApi({
    info: { version: deps.version, host: deps.host, slackApiUrlOverride: deps.slackApiUrlOverride ?? null },
    storageNotices: () => [...storageNotices],
    clock: deps.clock,
    testClock: deps.testClock,
    bus,
    startScreens: createStartScreens(deps.dataDir),
    firstScreen: async () => ({
      settings: settings.get(),
      reminderSettings: reminderSettingsStore.read(),
      plan: plan.get(),
      currentDraft: drafts.current(),
      connection: outboxService.connection(),
      slack: await slack.status(),
    }),
  });
  const diagnostics = createDiagnostics({
    version: deps.version,
    host: deps.host,
    dataDir: deps.dataDir,
    logDir: deps.logDir ?? null,
    crashDumpsDir: deps.crashDumpsDir ?? null,
    clock: deps.clock,
    outbox: outboxService,
    reminders,
    slack,
    updates,
    loginItem,
  });

  // Every feature registers its channels the same way: the service (or handler-only API) carries `handlers`.
  const handlers: Handlers = {
    ...app.handlers,
    ...settings.handlers,
    ...slack.handlers,
    ...reminders.handlers,
    ...plan.handlers,
    ...drafts.handlers,
    ...templates.handlers,
    ...incidents.handlers,
    ...sending.handlers,
    ...editing.handlers,
    ...channelDirectory.handlers,
    ...outboxService.handlers,
    ...history.handlers,
    ...calendar.handlers,
    ...slackFollow.handlers,
    ...seriesChanges.handlers,
    ...calendarFiles.handlers,
    ...teamSync.handlers,
    ...audiences.handlers,
    ...deepLinks.handlers,
    ...updates.handlers,
    ...unsavedWork.handlers,
    ...loginItem.handlers,
    ...diagnostics.handlers,
  };

  const disabledChannels = new Set<Channel>(deps.testClock ? [] : testOnlyChannels);
  const router = createRouter(handlers, { logger: deps.logger, disabledChannels });
  return {
    router,
    bus,
    slack,
    plan,
    drafts,
    templates,
    reminders,
    incidents,
    calendar,
    teamSync,
    audiences,
    deepLinks,
    attention,
    outbox: outboxService,
    channels: channelDirectory,
    history,
    slackGateway,
    settings,
    reminderSettings: () => reminderSettingsStore.read(),
    storageNotices,
    updates,
    loginItem,
    unsavedWork,
    windowState: () => (windowState ??= openVersionedStore(windowStateStoreDefinition, storeContext)),
    start: () => {
      reminders.scheduler.start();
      outboxService.start();
      calendar.start();
      teamSync.start();
      audiences.start();
      loginItem.apply();
      updates.start();
    },
    stop: () => {
      updates.stop();
      stopSlackFollow();
      calendar.stop();
      teamSync.stop();
      audiences.stop();
      reminders.scheduler.stop();
      reminders.flush();
      outboxService.stop();
      history.flush();
      // A request still in flight could write after this: then the stop is not noted as clean.
      if (!outboxService.isBusy()) {
        outboxService.syncNow();
        session.endCleanly();
      }
    },
  };
}
