// What each channel last heard about each subject: the index the audiences
// view is derived from. Fed message by message — by this Herald's outbox when
// a message reaches Slack, and by the team sync for every Herald message it
// reads back (another lead's, or this one's) — and kept by subject, so asking
// what a channel believes never reads History or Slack again: the cost is the
// number of open subjects times their channels, whatever the size of History.
//
// Slack's order decides which message is a channel's latest (ts, the only
// clock the leads share); the same message noted twice (sent here, then read
// back by the sync) is one message, so noting is idempotent and independent of
// the order messages arrive in. Small and bounded: a subject whose newest
// message is older than KEEP_MS is dropped.
import { z } from 'zod';
import { messageFactsSchema, type MessageFacts } from '../../../shared/team-sync/message-facts.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';
import { compareTs } from '../team-sync/sync-cursors.ts';

/** Subjects whose newest message is older than this are forgotten (a long maintenance is announced weeks ahead). */
export const KEEP_MS = 120 * 86_400_000;

const heardRecordSchema = z.object({
  heraldId: z.string().min(1).max(200),
  /** Slack's ts; null only while a message this Herald sent has no ts known (never for one read back). */
  ts: z
    .string()
    .regex(/^\d+\.\d+$/)
    .nullable(),
  atUtc: z.iso.datetime(),
  permalink: z.string().max(2_000).nullable(),
  via: z.enum(['here', 'team']),
  actor: z.string().max(40),
  facts: messageFactsSchema,
  /** The incident status the message named (this Herald's draft answer); null when not known. */
  status: z.string().max(40).nullable(),
});
export type HeardRecord = z.output<typeof heardRecordSchema>;

const storedLedgerSchema = z.object({
  /** "incident:<id>" / "maintenance:<id>" → channel name (no #, lower case) → its latest message. */
  subjects: z.record(z.string().max(300), z.record(z.string().max(100), heardRecordSchema)),
});
export type StoredLedger = z.output<typeof storedLedgerSchema>;

export const audienceLedgerStoreDefinition: StoreDefinition<typeof storedLedgerSchema> = {
  name: 'audiences',
  schema: storedLedgerSchema,
  defaults: () => ({ subjects: {} }),
};

export function subjectKeyOf(facts: MessageFacts): string {
  return facts.kind === 'incident' ? `incident:${facts.incident.id}` : `maintenance:${facts.maintenance.id}`;
}

/** Channel names as the ledger keys them: no "#", lower case. */
export function channelKey(name: string): string {
  return name.trim().replace(/^#/, '').toLowerCase();
}

/** Whether `candidate` is later in the channel than `known` (Slack's order; sent-here time when a ts is missing). */
export function isLater(candidate: HeardRecord, known: HeardRecord): boolean {
  if (candidate.ts !== null && known.ts !== null) {
    const order = compareTs(candidate.ts, known.ts);
    return order === 0 ? candidate.heraldId > known.heraldId : order > 0;
  }
  return (
    candidate.atUtc > known.atUtc || (candidate.atUtc === known.atUtc && candidate.heraldId > known.heraldId)
  );
}

/** One message noted in a channel: what it says (its facts) and where it is in Slack's order. */
export type NoteInput = Omit<HeardRecord, 'facts'> & { channel: string; facts: MessageFacts };

/**
 * The ledger after one message: it becomes the channel's latest for its
 * subject if it is later than what the channel held; the same message again
 * (read back, or corrected in place) replaces itself, keeping what this Herald
 * knew of it (its permalink, the status its draft named).
 */
export function noteMessage(ledger: StoredLedger, input: NoteInput): StoredLedger {
  const { channel, ...record } = input;
  const key = subjectKeyOf(record.facts);
  const name = channelKey(channel);
  const channels = ledger.subjects[key] ?? {};
  const known = channels[name];
  let next: HeardRecord;
  if (known && known.heraldId === record.heraldId) {
    next = {
      ...record,
      ts: record.ts ?? known.ts,
      permalink: record.permalink ?? known.permalink,
      status: record.status ?? known.status,
      via: known.via === 'here' ? 'here' : record.via,
    };
    if (JSON.stringify(next) === JSON.stringify(known)) return ledger;
  } else if (known && !isLater(record, known)) {
    return ledger;
  } else {
    next = record;
  }
  return { subjects: { ...ledger.subjects, [key]: { ...channels, [name]: next } } };
}

/** Drops subjects whose newest message is older than KEEP_MS. */
export function pruneLedger(ledger: StoredLedger, nowMs: number): StoredLedger {
  const cutoff = new Date(nowMs - KEEP_MS).toISOString();
  const kept = Object.entries(ledger.subjects).filter(([, channels]) =>
    Object.values(channels).some((record) => record.atUtc >= cutoff),
  );
  return kept.length === Object.keys(ledger.subjects).length
    ? ledger
    : { subjects: Object.fromEntries(kept) };
}

export interface AudienceLedger {
  /** Notes one message; returns whether anything changed. */
  note(input: NoteInput): boolean;
  /** The channels that heard about a subject, each with its latest message. */
  channelsOf(subjectKey: string): Readonly<Record<string, HeardRecord>>;
  /** Every subject some channel heard about. */
  subjectKeys(): string[];
}

export function createAudienceLedger(
  store: VersionedStore<StoredLedger>,
  nowMs: () => number,
): AudienceLedger {
  return {
    note(input) {
      const before = store.read();
      const after = pruneLedger(noteMessage(before, input), nowMs());
      if (after === before) return false;
      store.write(after);
      return true;
    },
    channelsOf: (key) => store.read().subjects[key] ?? {},
    subjectKeys: () => Object.keys(store.read().subjects),
  };
}
