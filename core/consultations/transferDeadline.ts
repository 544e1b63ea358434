import { isRfc3339 } from '../time/rfc3339';

/**
 * 法律援助法 第三十九条:
 *   "被羁押的犯罪嫌疑人、被告人、服刑人员，以及强制隔离戒毒人员等提出法律援助申请的，
 *    办案机关、监管场所应当在二十四小时内将申请转交法律援助机构。
 *    犯罪嫌疑人、被告人通过值班律师提出代理、刑事辩护等法律援助申请的，值班律师应当在
 *    二十四小时内将申请转交法律援助机构。"
 * 法律援助值班律师工作办法 (2020) 第六条 lists among the duty lawyer's help
 *   "（五）帮助犯罪嫌疑人、被告人及其近亲属申请法律援助".
 * Both paragraphs set the same clock: a detention centre's request (para. 1, from when staff
 * received it) and a duty lawyer's own contact that takes an application (para. 2, from the
 * contact). Para. 2 binds the lawyer only for an application of the suspect or defendant
 * himself: a civil party's or a relative's application that a lawyer passes on is recorded
 * as 转交申请, and runs no clock. Pure functions of `now`, so the queue can be re-evaluated on a timer and tested
 * without a clock.
 */
export const TRANSFER_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The one rule that decides "within 24 hours", for the queue, the record, the transfer
 * letter and the statistics alike: the 24th hour is included, so a transfer at exactly
 * receipt + 24 h (to the millisecond) is on time, and one millisecond later is late.
 */
export function isTransferOnTime(receivedAtMs: number, transferredAtMs: number): boolean {
  return transferredAtMs <= receivedAtMs + TRANSFER_WINDOW_MS;
}

/** The people Art. 39 para. 2 names: 犯罪嫌疑人、被告人 (client role codes, core/domain/enums.ts). */
export const ARTICLE_39_PARA_2_ROLES: readonly string[] = ['suspect', 'defendant'];

/** The fields of a record that say whether it runs an Art. 39 clock. */
export interface TransferSubject {
  time: string;
  clientRole?: string | undefined;
  legalAidOutcome: string;
  requestKind?: string | undefined;
  receivedAt?: string | undefined;
  transferredAt?: string | undefined;
}

export interface TransferClock {
  /** RFC 3339: when the application was received (the clock starts). */
  receivedAt: string;
  transferredAt?: string;
  /** 'staff': para. 1, logged by the detention centre; 'lawyer': para. 2, the lawyer's own contact. */
  source: 'staff' | 'lawyer';
}

/**
 * The Art. 39 clock a record runs, if any: a detainee's application that staff logged
 * (from `receivedAt`), or a suspect's or defendant's contact with a lawyer whose legal-aid
 * outcome is 转交申请 (the application reached the lawyer at the contact, so the clock
 * starts at its time).
 */
export function transferClockOf(c: TransferSubject): TransferClock | undefined {
  const source = transferSourceOf(c);
  const receivedAt = source === 'staff' ? c.receivedAt : source === 'lawyer' ? c.time : undefined;
  if (!source || !receivedAt) return undefined;
  const clock: TransferClock = { receivedAt, source };
  if (c.transferredAt) clock.transferredAt = c.transferredAt;
  return clock;
}

/** Which paragraph of Art. 39 a record falls under, if any (a request's receipt time may still be missing). */
export function transferSourceOf(c: Pick<TransferSubject, 'requestKind' | 'legalAidOutcome' | 'clientRole'>): TransferClock['source'] | undefined {
  if (c.requestKind === 'legal_aid_application') return 'staff';
  if (c.requestKind === undefined && c.legalAidOutcome === 'transferred' && ARTICLE_39_PARA_2_ROLES.includes(c.clientRole ?? '')) return 'lawyer';
  return undefined;
}

/** Still waiting to be handed over: in the 待转交 queue, and read 待转交 on the record. */
export function isPendingTransfer(c: TransferSubject): boolean {
  const clock = transferClockOf(c);
  return clock !== undefined && clock.transferredAt === undefined;
}

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

export function offsetMinutesOf(rfc3339: string): number {
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
    const at = Date.parse(transferredAt);
    return { dueAt, dueAtMs, remainingMs: dueAtMs - at, overdue: !isTransferOnTime(Date.parse(receivedAt), at), transferred: true };
  }
  const nowMs = typeof now === 'number' ? now : now.getTime();
  return { dueAt, dueAtMs, remainingMs: dueAtMs - nowMs, overdue: !isTransferOnTime(Date.parse(receivedAt), nowMs), transferred: false };
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

export interface TransferUndoCheck {
  transferredAt?: string | undefined;
  transferredBy?: string | undefined;
}

/**
 * Whether `actorId` may take back a transfer he marked: only its author, and only within
 * the working period it was marked in: the shift he was on (while it is still open), or,
 * when he was on no shift (detention-centre staff, a supervisor), the calendar day it was
 * marked on, in the station's offset as written in `transferredAt`. Afterwards the record
 * stands; a correction is an edit, with its own audit entry.
 */
export function mayUndoTransfer(
  c: TransferUndoCheck,
  actorId: string,
  now: number,
  shiftAtMark?: { startedAt: string; endedAt?: string | undefined },
): boolean {
  if (!c.transferredAt || !isRfc3339(c.transferredAt) || c.transferredBy !== actorId) return false;
  if (Date.parse(c.transferredAt) > now) return false;
  if (shiftAtMark) return shiftAtMark.endedAt === undefined || Date.parse(shiftAtMark.endedAt) > now;
  return formatInOffset(now, offsetMinutesOf(c.transferredAt)).slice(0, 10) === c.transferredAt.slice(0, 10);
}
