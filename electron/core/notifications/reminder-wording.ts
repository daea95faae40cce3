// Reminder wording only the tray and desktop notifications need (menu-safe
// titles). What the message is and when it is due come from
// shared/reminders/reminder-wording.ts, which the notification centre uses too.
const MAX_TITLE_LENGTH = 60;

/** A title short enough for a menu; '&' spelled out because Windows and Linux menus treat it as a mnemonic. */
export function menuSafeTitle(title: string): string {
  const plain = title.replace(/\s+/g, ' ').replace(/&/g, 'and').trim() || 'Untitled';
  return plain.length > MAX_TITLE_LENGTH ? `${plain.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…` : plain;
}
