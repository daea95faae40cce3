// The app shell: navigation, notices, and the current screen.
import { useEffect } from 'react';
import { herald } from '../api/herald.ts';
import { CalendarScreen } from '../features/calendar/calendar-screen.tsx';
import { OpenAtLoginPrompt } from '../features/desktop/open-at-login-prompt.tsx';
import { useUnsavedWorkReport } from '../features/desktop/unsaved-work-report.ts';
import { ComposerScreen } from '../features/composer/composer-screen.tsx';
import { useComposerShortcuts } from '../features/composer/composer-shortcuts.ts';
import { HistoryScreen } from '../features/history/history-screen.tsx';
import { IncidentsScreen } from '../features/incidents/incidents-screen.tsx';
import { AlertToasts } from '../features/notifications/alert-toasts.tsx';
import { NotificationBell, NotificationCentre } from '../features/notifications/notification-centre.tsx';
import { OutboxScreen } from '../features/outbox/outbox-screen.tsx';
import { SettingsScreen } from '../features/settings/settings-screen.tsx';
import { TemplatesScreen } from '../features/templates/templates-screen.tsx';
import { useAppInfo } from './app-info-store.ts';
import { useNavigation } from './navigation-store.ts';
import { screens, type ScreenId } from './screens.ts';
import { StorageNotices } from './storage-notices.tsx';

function CurrentScreen({ screen }: { screen: ScreenId }) {
  switch (screen) {
    case 'settings':
      return <SettingsScreen />;
    case 'calendar':
      return <CalendarScreen />;
    case 'compose':
      return <ComposerScreen />;
    case 'incidents':
      return <IncidentsScreen />;
    case 'templates':
      return <TemplatesScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'outbox':
      return <OutboxScreen />;
  }
}

export function App() {
  const screen = useNavigation((state) => state.screen);
  const go = useNavigation((state) => state.go);
  const info = useAppInfo((state) => state.info);
  const loadError = useAppInfo((state) => state.loadError);
  useComposerShortcuts();
  useUnsavedWorkReport();

  useEffect(() => {
    void useAppInfo.getState().load();
    return herald().on('storage:quarantined', () => void useAppInfo.getState().load());
  }, []);

  const title = screens.find((item) => item.id === screen)?.label ?? '';
  useEffect(() => {
    document.title = `${title} · Herald`;
  }, [title]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✦
          </span>
          Herald
        </div>
        <NotificationBell />
        <ul>
          {screens.map((item) => (
            <li key={item.id}>
              <a
                href={`#/${item.id}`}
                aria-current={item.id === screen ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  go(item.id);
                }}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
        <p className="host-note">
          {info ? (info.host === 'electron' ? `Herald ${info.version}` : `Browser harness · ${info.version}`) : ' '}
          {info?.hasTestClock ? ' · test clock' : ''}
        </p>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {loadError ? (
          <p role="alert" className="error-banner">
            {loadError}
          </p>
        ) : null}
        <StorageNotices />
        <OpenAtLoginPrompt />
        <h1>{title}</h1>
        <CurrentScreen screen={screen} />
      </main>
      <NotificationCentre />
      <AlertToasts />
    </div>
  );
}
