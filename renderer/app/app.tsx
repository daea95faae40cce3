// The app shell: navigation, notices, and the current screen (Compose in the
// first bundle, the others loaded on demand: see screen-loaders.ts).
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { OpenAtLoginPrompt } from '../features/desktop/open-at-login-prompt.tsx';
import { useUnsavedWorkReport } from '../features/desktop/unsaved-work-report.ts';
import { ComposerScreen } from '../features/composer/composer-screen.tsx';
import { useComposer } from '../features/composer/composer-store.ts';
import { useComposerShortcuts } from '../features/composer/composer-shortcuts.ts';
import { AlertToasts } from '../features/notifications/alert-toasts.tsx';
import { NotificationBell, NotificationCentre } from '../features/notifications/notification-centre.tsx';
import { usePageAttention } from '../features/notifications/page-attention.ts';
import { useWebNotifications } from '../features/notifications/web-notifications.ts';
import { useAppInfo } from '../server-state/app-info-store.ts';
import { useNavigation } from './navigation-store.ts';
import { screenLoaders } from './screen-loaders.ts';
import { screens, type ScreenId } from './screens.ts';
import { LinkNotice } from './link-notice.tsx';
import { SlackBanner } from './slack-banner.tsx';
import { StorageNotices } from './storage-notices.tsx';
import { SetupChecklist } from '../features/setup/setup-checklist.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { AfterFirstPaint } from './after-first-paint-view.tsx';
import { dropStartScreen } from './start-screen/take-over.ts';

const screenComponents: Readonly<Record<ScreenId, ComponentType>> = {
  compose: ComposerScreen,
  calendar: lazy(screenLoaders.calendar),
  incidents: lazy(screenLoaders.incidents),
  audiences: lazy(screenLoaders.audiences),
  outbox: lazy(screenLoaders.outbox),
  history: lazy(screenLoaders.history),
  templates: lazy(screenLoaders.templates),
  settings: lazy(screenLoaders.settings),
};

function CurrentScreen({ screen }: { screen: ScreenId }) {
  const Screen = screenComponents[screen];
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      <Screen />
    </Suspense>
  );
}

export function App() {
  const screen = useNavigation((state) => state.screen);
  const go = useNavigation((state) => state.go);
  const info = useAppInfo((state) => state.info);
  const loadError = useAppInfo((state) => state.loadError);
  useComposerShortcuts();
  useUnsavedWorkReport();
  useEffect(() => {
    // A start screen that no draft form took over in the first commit (React drew something else first) is removed
    // after it; anything typed into it is kept in the composer's notice rather than lost.
    const lost = dropStartScreen()?.edits.map((edit) => edit.value);
    if (lost && lost.length > 0)
      useComposer.getState().showNotice({
        tone: 'error',
        text: `Herald opened before it could keep what you typed: “${lost.join(' / ')}”. Copy it from here if you need it.`,
      });
  }, []);

  const title = screens.find((item) => item.id === screen)?.label ?? '';
  usePageAttention(title);
  useWebNotifications();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {/* The toasts live under the navigation, in a column that stays in view: they never cover an action. */}
      <div className="sidebar-column">
        <div className="sidebar-sticky">
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
              {info
                ? info.host === 'electron'
                  ? `Herald ${info.version}`
                  : `Browser harness · ${info.version}`
                : ' '}
              {info?.hasTestClock ? ' · test clock' : ''}
            </p>
          </nav>
          <AfterFirstPaint>
            <AlertToasts />
          </AfterFirstPaint>
        </div>
      </div>
      <main id="main" className="content" tabIndex={-1}>
        <ErrorAlert error={loadError} isBanner />
        <StorageNotices />
        <SlackBanner />
        <LinkNotice />
        <OpenAtLoginPrompt />
        <h1>{title}</h1>
        {screen === 'compose' ? <SetupChecklist placement="home" /> : null}
        <CurrentScreen screen={screen} />
      </main>
      <AfterFirstPaint>
        <NotificationCentre />
      </AfterFirstPaint>
    </div>
  );
}
