import { describe, expect, it } from 'vitest';
import { ageGroups, ageOn } from '../../../core/rules/age';

describe('ageOn', () => {
  it('completes a year on the birthday itself, not before', () => {
    expect(ageOn('2008-05-10', '2026-05-09')).toBe(17);
    expect(ageOn('2008-05-10', '2026-05-10')).toBe(18);
  });

  it('counts a 29 February birthday on 1 March in a non-leap year', () => {
    // 2026 is not a leap year: the 18th year is complete on 1 March, not 28 February.
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('counts a 29 February birthday on 29 February in a leap year', () => {
    // 2024 is a leap year.
    expect(ageOn('1964-02-29', '2024-02-28')).toBe(59);
    expect(ageOn('1964-02-29', '2024-02-29')).toBe(60);
  });

  it('takes the day of an RFC 3339 time in its own offset, whatever the machine’s zone', () => {
    // 23:59 on 9 May in UTC-5 is already 10 May in UTC, but the contact happened on 9 May.
    expect(ageOn('2008-05-10', '2026-05-09T23:59:00-05:00')).toBe(17);
    expect(ageOn('2008-05-10', '2026-05-10T00:30:00+08:00')).toBe(18);
  });

  it('rejects an impossible birth date', () => {
    expect(() => ageOn('2001-02-29', '2026-01-01')).toThrow();
  });
});

describe('ageGroups', () => {
  it('is minor the day before the 18th birthday and nothing on it', () => {
    expect(ageGroups('2008-05-10', '2026-05-09')).toEqual(['minor']);
    expect(ageGroups('2008-05-10', '2026-05-10')).toEqual([]);
  });

  it('is elderly from the 60th birthday, not the day before', () => {
    expect(ageGroups('1966-05-10', '2026-05-09')).toEqual([]);
    expect(ageGroups('1966-05-10', '2026-05-10')).toEqual(['elderly']);
  });

  it('is elderly on 29 February in a leap year for someone born on 29 February', () => {
    // 60 years after a leap year is a leap year again (60 is a multiple of 4)...
    expect(ageGroups('1968-02-29', '2028-02-28')).toEqual([]);
    expect(ageGroups('1968-02-29', '2028-02-29')).toEqual(['elderly']);
  });

  it('is elderly from 1 March when the 60th year ends in a century year that is not leap', () => {
    // ...except across 2100, which is divisible by 100 but not by 400.
    expect(ageGroups('2040-02-29', '2100-02-28')).toEqual([]);
    expect(ageGroups('2040-02-29', '2100-03-01')).toEqual(['elderly']);
  });

  it('is minor on the day of birth and empty before it', () => {
    expect(ageGroups('2026-05-10', '2026-05-10')).toEqual(['minor']);
    expect(ageGroups('2026-05-10', '2026-05-09')).toEqual([]);
  });
});
