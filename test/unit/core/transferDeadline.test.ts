import { describe, expect, it } from 'vitest';
import { describeRemaining, transferDeadline } from '../../../core/consultations/transferDeadline';

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
