import { describe, expect, it } from 'vitest';
import { describeRemaining, isTransferOnTime, mayUndoTransfer, transferClockOf, transferDeadline } from '../../../core/consultations/transferDeadline';

const RECEIVED = '2026-11-23T09:00:00+08:00';
const at = (rfc3339: string) => new Date(rfc3339);
const HOUR = 3_600_000;

describe('transferDeadline (Art. 39: 24 hours)', () => {
  it('is due 24 hours after receipt, written in the same offset', () => {
    const d = transferDeadline(RECEIVED, at('2026-11-23T10:00:00+08:00'));
    expect(d.dueAt).toBe('2026-11-24T09:00:00+08:00');
    expect(d.remainingMs).toBe(23 * HOUR);
    expect(d.overdue).toBe(false);
    expect(d.transferred).toBe(false);
  });

  it('is on time up to and including the 24th hour, overdue a millisecond later', () => {
    const due = Date.parse('2026-11-24T09:00:00+08:00');
    expect(transferDeadline(RECEIVED, due - 1000)).toMatchObject({ remainingMs: 1000, overdue: false });
    expect(transferDeadline(RECEIVED, due)).toMatchObject({ remainingMs: 0, overdue: false });
    expect(transferDeadline(RECEIVED, due + 1)).toMatchObject({ remainingMs: -1, overdue: true });
  });

  it('judges a transferred application by the transfer time, not by now', () => {
    const late = transferDeadline(RECEIVED, at('2026-11-20T00:00:00Z'), '2026-11-24T10:00:00+08:00');
    expect(late).toMatchObject({ transferred: true, overdue: true, remainingMs: -HOUR });
    const onTime = transferDeadline(RECEIVED, at('2030-01-01T00:00:00Z'), '2026-11-23T15:30:00+08:00');
    expect(onTime).toMatchObject({ transferred: true, overdue: false, remainingMs: 17.5 * HOUR });
  });

  it('crosses midnight and month ends in the station’s offset', () => {
    expect(transferDeadline('2026-11-30T23:30:00+08:00', 0).dueAt).toBe('2026-12-01T23:30:00+08:00');
    expect(transferDeadline('2026-11-30T23:30:00Z', 0).dueAt).toBe('2026-12-01T23:30:00Z');
  });

  it('refuses a receipt time that is not RFC 3339', () => {
    expect(() => transferDeadline('2026-11-23 09:00', 0)).toThrow();
  });
});

describe('describeRemaining', () => {
  it('says how long is left or how late it is, in Chinese', () => {
    expect(describeRemaining(3 * HOUR + 20 * 60_000 + 59_000)).toBe('剩余 3 小时 20 分');
    expect(describeRemaining(-(HOUR + 5 * 60_000))).toBe('已超时 1 小时 5 分');
    expect(describeRemaining(45 * 60_000)).toBe('剩余 45 分');
  });
});

describe('isTransferOnTime: the one boundary every screen and statistic uses', () => {
  const received = Date.parse(RECEIVED);
  it('takes a transfer at exactly receipt + 24 h to the millisecond as on time, one millisecond later as late', () => {
    expect(isTransferOnTime(received, received + 24 * HOUR)).toBe(true);
    expect(isTransferOnTime(received, received + 24 * HOUR + 1)).toBe(false);
    expect(isTransferOnTime(received, received + 24 * HOUR - 1)).toBe(true);
  });
  it('decides transferDeadline for a transferred and for a pending application alike', () => {
    const due = '2026-11-24T09:00:00.000+08:00';
    expect(transferDeadline(RECEIVED, 0, due).overdue).toBe(false);
    expect(transferDeadline(RECEIVED, 0, '2026-11-24T09:00:00.001+08:00').overdue).toBe(true);
  });
});

describe('transferClockOf (Art. 39 paras. 1 and 2)', () => {
  const contact = { time: '2026-11-23T10:00:00+08:00', clientRole: 'suspect', legalAidOutcome: 'transferred' };
  it("starts a lawyer's own contact with a transfer outcome at the contact, like a staff request at its receipt", () => {
    expect(transferClockOf(contact)).toEqual({ receivedAt: '2026-11-23T10:00:00+08:00', source: 'lawyer' });
    expect(transferClockOf({ ...contact, requestKind: 'legal_aid_application', receivedAt: RECEIVED })).toEqual({ receivedAt: RECEIVED, source: 'staff' });
    expect(transferClockOf({ ...contact, transferredAt: '2026-11-23T11:00:00+08:00' })?.transferredAt).toBe('2026-11-23T11:00:00+08:00');
  });
  it('runs no clock for other outcomes or for a request to meet a lawyer', () => {
    expect(transferClockOf({ ...contact, legalAidOutcome: 'applied' })).toBeUndefined();
    expect(transferClockOf({ ...contact, requestKind: 'meet_lawyer', receivedAt: RECEIVED })).toBeUndefined();
  });
  // Para. 2: "犯罪嫌疑人、被告人通过值班律师提出…法律援助申请的，值班律师应当在二十四小时内…转交".
  it("binds the lawyer for the suspect's and the defendant's own application only", () => {
    expect(transferClockOf({ ...contact, clientRole: 'defendant' })?.source).toBe('lawyer');
    for (const clientRole of ['party', 'close_relative', 'victim', 'other_public', undefined]) {
      expect(transferClockOf({ ...contact, clientRole })).toBeUndefined();
    }
    // Staff's requests run para. 1's clock whoever logged them.
    expect(transferClockOf({ ...contact, clientRole: 'close_relative', requestKind: 'legal_aid_application', receivedAt: RECEIVED })?.source).toBe('staff');
  });
});

describe('mayUndoTransfer', () => {
  const marked = { transferredAt: '2026-11-23T15:00:00+08:00', transferredBy: 'kss' };
  const t = (s: string) => Date.parse(s);
  it("lets its author undo on the day it was marked when he is on no shift, in the station's offset", () => {
    expect(mayUndoTransfer(marked, 'kss', t('2026-11-23T23:59:59+08:00'))).toBe(true);
    expect(mayUndoTransfer(marked, 'kss', t('2026-11-24T00:00:00+08:00'))).toBe(false);
    expect(mayUndoTransfer(marked, 'other', t('2026-11-23T16:00:00+08:00'))).toBe(false);
  });
  it('follows the shift it was marked in: open past midnight yes, after sign-out no', () => {
    expect(mayUndoTransfer(marked, 'kss', t('2026-11-24T01:00:00+08:00'), { startedAt: '2026-11-23T08:00:00+08:00' })).toBe(true);
    expect(
      mayUndoTransfer(marked, 'kss', t('2026-11-23T19:00:00+08:00'), { startedAt: '2026-11-23T08:00:00+08:00', endedAt: '2026-11-23T18:00:00+08:00' }),
    ).toBe(false);
  });
});
