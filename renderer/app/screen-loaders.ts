// Each screen's code but Compose's, loaded on demand. Compose, the screen
// Herald opens on, is part of the first bundle (app.tsx imports it), so the
// composer never waits for a second download; any other screen is fetched
// when first opened, or at start when the address names it (start.ts). The
// app's React.lazy screens wrap the same loaders, and the browser fetches a
// module once however often it is asked for. Nothing here imports React, so
// start.ts can use it before React is loaded.
import type { ComponentType } from 'react';
import type { ScreenId } from './screens.ts';

type ScreenModule = Promise<{ default: ComponentType }>;

export const screenLoaders: Readonly<Record<Exclude<ScreenId, 'compose'>, () => ScreenModule>> = {
  calendar: () =>
    import('../features/calendar/calendar-screen.tsx').then((module) => ({ default: module.CalendarScreen })),
  incidents: () =>
    import('../features/incidents/incidents-screen.tsx').then((module) => ({
      default: module.IncidentsScreen,
    })),
  audiences: () =>
    import('../features/audiences/audiences-screen.tsx').then((module) => ({
      default: module.AudiencesScreen,
    })),
  outbox: () =>
    import('../features/outbox/outbox-screen.tsx').then((module) => ({ default: module.OutboxScreen })),
  history: () =>
    import('../features/history/history-screen.tsx').then((module) => ({ default: module.HistoryScreen })),
  templates: () =>
    import('../features/templates/templates-screen.tsx').then((module) => ({
      default: module.TemplatesScreen,
    })),
  settings: () =>
    import('../features/settings/settings-screen.tsx').then((module) => ({ default: module.SettingsScreen })),
};

/** Starts fetching a screen's code without rendering it. */
export function preloadScreen(screen: ScreenId): void {
  if (screen !== 'compose') void screenLoaders[screen]();
}
