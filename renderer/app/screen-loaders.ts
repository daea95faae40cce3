// Each screen's code, loaded on demand: only the screen showing at start is
// fetched then (main.tsx asks for it beside the bootstrap), the others when
// first opened. React.lazy wraps the same loaders, and the browser fetches a
// module once however often it is asked for.
import { lazy, type ComponentType } from 'react';
import type { ScreenId } from './screens.ts';

type ScreenModule = Promise<{ default: ComponentType }>;

const loaders: Readonly<Record<ScreenId, () => ScreenModule>> = {
  calendar: () => import('../features/calendar/calendar-screen.tsx').then((module) => ({ default: module.CalendarScreen })),
  compose: () => import('../features/composer/composer-screen.tsx').then((module) => ({ default: module.ComposerScreen })),
  incidents: () => import('../features/incidents/incidents-screen.tsx').then((module) => ({ default: module.IncidentsScreen })),
  outbox: () => import('../features/outbox/outbox-screen.tsx').then((module) => ({ default: module.OutboxScreen })),
  history: () => import('../features/history/history-screen.tsx').then((module) => ({ default: module.HistoryScreen })),
  templates: () => import('../features/templates/templates-screen.tsx').then((module) => ({ default: module.TemplatesScreen })),
  settings: () => import('../features/settings/settings-screen.tsx').then((module) => ({ default: module.SettingsScreen })),
};

/** Starts fetching a screen's code without rendering it. */
export function preloadScreen(screen: ScreenId): void {
  void loaders[screen]();
}

export const lazyScreens: Readonly<Record<ScreenId, ComponentType>> = {
  calendar: lazy(loaders.calendar),
  compose: lazy(loaders.compose),
  incidents: lazy(loaders.incidents),
  outbox: lazy(loaders.outbox),
  history: lazy(loaders.history),
  templates: lazy(loaders.templates),
  settings: lazy(loaders.settings),
};
