// How large a calendar file Herald accepts, as plain values (no zod): the
// import dialog refuses a bigger file before reading it, the harness sizes its
// request limit from it, and the contract's schema
// (shared/api/channels/calendar.ts) refuses it again in main.

/**
 * The largest calendar file Herald reads: big enough for its own export of
 * a calendar of MAX_ICS_EVENTS events (a routine Herald event takes 700 to
 * 1,400 characters, so 20,000 of them at most about 27 MB), so a calendar
 * re-imports its own export. The file is read one event at a time. See
 * docs/decisions.md.
 */
export const MAX_ICS_CHARS = 32 * 1024 * 1024;
/** The most events one calendar file may hold. */
export const MAX_ICS_EVENTS = 20_000;
export const MAX_ICS_LABEL = '32 MB';
/**
 * The harness's request limit for a calendar file: JSON escaping and UTF-8
 * take at most three bytes a character, plus room for the list of UIDs, so
 * the character limit above is what decides.
 */
export const MAX_ICS_REQUEST_BYTES = 3 * MAX_ICS_CHARS + 8 * 1024 * 1024;
