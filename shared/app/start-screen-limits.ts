// Bounds of the start screen (the composer's HTML kept for the next start),
// shared by main's schema and the page that sends it. No zod here: the
// renderer imports it.

/** The most HTML a start screen may hold: the composer's page is 12–15 KB; anything far larger is not one. */
export const START_SCREEN_MAX_CHARS = 256 * 1024;
