// Telling a channel id from a channel name, and writing names one way, so
// "#Ops-Update", "ops-update" and "C0OPSENGUPD" are handled alike everywhere.

/** Slack conversation ids: C… (public), G… (private, older), D… (direct). */
const CHANNEL_ID_PATTERN = /^[CGD][A-Z0-9]{6,}$/;

export function isChannelId(ref: string): boolean {
  return CHANNEL_ID_PATTERN.test(ref.trim());
}

/** "#Ops-Update " → "ops-update". */
export function normaliseChannelName(ref: string): string {
  return ref.trim().replace(/^#/, '').trim().toLowerCase();
}
