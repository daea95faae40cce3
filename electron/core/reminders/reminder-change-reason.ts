// Why a reminder changed: named by the scheduler's change events and by the
// commands that cause them. A leaf, so the commands and the scheduler that
// runs them need not import each other.

export type ReminderChangeReason =
  | 'fired'
  | 'promised'
  | 'update_sent'
  | 'promise_changed'
  | 'resolved'
  | 'snoozed'
  | 'dismissed'
  | 'scheduled'
  | 'cancelled'
  | 'rescheduled';
