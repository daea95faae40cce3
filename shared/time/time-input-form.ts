// The structured form of a typed time, shared by the grammar files that
// recognise it (time-input-grammar.ts, wall-time-grammar.ts) and the parser
// that turns it into an instant (parse-time-input.ts). A leaf: it imports
// nothing, so the grammar files need not import each other's types.

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

export interface CalendarDate {
  /** Absent when the person left the year out ("23 April"). */
  year?: number;
  month: number;
  day: number;
}

export type TimeInputForm =
  | { kind: 'instant'; epochMs: number }
  | { kind: 'duration'; durationMs: number }
  | {
      kind: 'wall';
      clock: ClockTime;
      date?: CalendarDate;
      /** 0 for "today", 1 for "tomorrow". */
      dayOffset?: 0 | 1;
      /** 0 = Sunday; checked against the date, or picks the next such day. */
      weekday?: number;
      /** A trailing zone word ("utc", "bst"), lower-case. */
      zoneWord?: string;
    }
  /** Recognisably a time, but wrong in a way worth explaining. */
  | { kind: 'invalid'; message: string };
