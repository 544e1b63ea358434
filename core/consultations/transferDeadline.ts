import { isRfc3339 } from '../time/rfc3339';

/**
 * Art. 39 Legal Aid Law: a detention centre passes a detainee's legal-aid application to
 * the legal-aid centre within 24 hours of receiving it. Pure functions of `now`, so the
 * queue can be re-evaluated on a timer and tested without a clock.
 */
export const TRANSFER_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface TransferDeadline {
  /** RFC 3339, in the same offset as receivedAt (the station's wall clock). */
  dueAt: string;
  dueAtMs: number;
  /**
   * Pending: time left until dueAt (negative once overdue). Transferred: the margin the
   * transfer had (negative when it was late).
   */
  remainingMs: number;
  /** "Within 24 hours" includes the 24th hour: a transfer at exactly dueAt is on time. */
  overdue: boolean;
  transferred: boolean;
}

function offsetMinutesOf(rfc3339: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(rfc3339);
  if (!m) return 0; // 'Z'
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** Formats an instant as RFC 3339 in a given offset (minutes east of UTC). */
export function formatInOffset(ms: number, offsetMinutes: number): string {
  // Milliseconds only when there are any, as toRfc3339 callers rarely write them.
  const iso = new Date(ms + offsetMinutes * 60_000).toISOString();
  const local = ms % 1000 === 0 ? iso.slice(0, 19) : iso.slice(0, 23);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function transferDeadline(receivedAt: string, now: Date | number, transferredAt?: string): TransferDeadline {
  if (!isRfc3339(receivedAt)) throw new RangeError(`receivedAt is not RFC 3339: ${receivedAt}`);
  const dueAtMs = Date.parse(receivedAt) + TRANSFER_WINDOW_MS;
  const dueAt = formatInOffset(dueAtMs, offsetMinutesOf(receivedAt));
  if (transferredAt !== undefined) {
    if (!isRfc3339(transferredAt)) throw new RangeError(`transferredAt is not RFC 3339: ${transferredAt}`);
    const remainingMs = dueAtMs - Date.parse(transferredAt);
    return { dueAt, dueAtMs, remainingMs, overdue: remainingMs < 0, transferred: true };
  }
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const remainingMs = dueAtMs - nowMs;
  return { dueAt, dueAtMs, remainingMs, overdue: remainingMs < 0, transferred: false };
}

/** '剩余 3 小时 20 分' / '已超时 1 小时 5 分', rounded down to the minute for display. */
export function describeRemaining(remainingMs: number): string {
  const late = remainingMs < 0;
  const totalMinutes = Math.floor(Math.abs(remainingMs) / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const span = hours > 0 ? `${hours} 小时 ${minutes} 分` : `${minutes} 分`;
  return late ? `已超时 ${span}` : `剩余 ${span}`;
}
