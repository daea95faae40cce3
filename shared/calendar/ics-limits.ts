// How large a calendar file Herald accepts, as a plain value: the import
// dialog refuses a bigger file before reading it, and the contract's schema
// (shared/api/channels/calendar.ts) refuses it again in main.

/** Calendar files are small; this keeps a pasted or picked file under the harness's request limit. */
export const MAX_ICS_CHARS = 1_500_000;
