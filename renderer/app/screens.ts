import type { screenIds } from '../../shared/api/channels/app.ts';
// The app's screens, in navigation order. The URL fragment (#/settings)
// names the current one so a reload returns to it.
export const screens = [
  { id: 'calendar', label: 'Calendar' },
  { id: 'compose', label: 'Compose' },
  { id: 'incidents', label: 'Incidents' },
  { id: 'audiences', label: 'Audiences' },
  { id: 'outbox', label: 'Outbox' },
  { id: 'history', label: 'History' },
  { id: 'templates', label: 'Templates' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ScreenId = (typeof screens)[number]['id'];

// The contract's list of screens (for app:navigate) must match this one.
const _sameScreens: ScreenId extends (typeof screenIds)[number]
  ? (typeof screenIds)[number] extends ScreenId
    ? true
    : never
  : never = true;
void _sameScreens;

export function screenFromHash(hash: string): ScreenId {
  const id = hash.replace(/^#\/?/, '').split(/[/?&]/)[0];
  return screens.find((screen) => screen.id === id)?.id ?? 'compose';
}
