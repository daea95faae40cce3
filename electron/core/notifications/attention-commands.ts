// What a click on a notification, a notification button or a tray item asks
// for, and what the shell must then do. The shell turns clicks into these
// commands and hands them to the attention service; it decides nothing.
import type { NavigateRequest } from '../../../shared/api/channels/app.ts';

export type AttentionCommand =
  /** Show the window on a screen (the composer on the right message, a new incident). */
  | { type: 'navigate'; request: NavigateRequest }
  /** Show the window as it was. */
  | { type: 'open' }
  | { type: 'snooze'; reminderId: string }
  | { type: 'dismiss'; reminderId: string }
  /** Really quit, even when Herald keeps running in the tray. */
  | { type: 'quit' }
  /** Restart into the downloaded update (refused while a message sends or a draft is unsaved). */
  | { type: 'restart_to_update' };

/** What the shell does after a command ran. */
export interface AttentionEffect {
  showWindow: boolean;
  /** Sent to the window (as app:navigate) once it is showing. */
  navigate: NavigateRequest | null;
  quit: boolean;
  restartToUpdate: boolean;
}

export const noEffect: AttentionEffect = {
  showWindow: false,
  navigate: null,
  quit: false,
  restartToUpdate: false,
};

/** "5 min", "1 h", "1 h 30 min": a snooze length for a button label. */
export function describeDuration(durationMs: number): string {
  const totalMinutes = Math.max(1, Math.round(durationMs / 60_000));
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

export function snoozeLabel(snoozeMs: number): string {
  return `Snooze ${describeDuration(snoozeMs)}`;
}
