import { calendarDayOf, isLeapYear, parseYmd } from '../domain/calendar';

/**
 * Age in full years (周岁) on a calendar day. A year is complete on the birthday itself
 * (civil counting); someone born on 29 February completes a year on 1 March in a
 * non-leap year, because 28 February would credit the year a day early.
 * `birthDate` is 'YYYY-MM-DD'; `on` is a day ('YYYY-MM-DD'), an RFC 3339 time (its own
 * wall-clock day counts) or a Date (local day).
 */
export function ageOn(birthDate: string, on: Date | string): number {
  const birth = parseYmd(birthDate);
  if (!birth) throw new RangeError(`invalid birth date: ${birthDate}`);
  const day = parseYmd(calendarDayOf(on))!;
  let age = day.year - birth.year;
  let [bm, bd] = [birth.month, birth.day];
  if (bm === 2 && bd === 29 && !isLeapYear(day.year)) [bm, bd] = [3, 1];
  if (day.month < bm || (day.month === bm && day.day < bd)) age -= 1;
  return age;
}

/** Whether `on` is the day a person completes a year (a birthday, 1 March for 29 February in a non-leap year). */
export function isBirthday(birthDate: string, on: Date | string): boolean {
  const dayStr = calendarDayOf(on);
  if (dayStr === birthDate) return false;
  const prev = parseYmd(dayStr)!;
  const before = new Date(Date.UTC(prev.year, prev.month - 1, prev.day - 1)).toISOString().slice(0, 10);
  return ageOn(birthDate, dayStr) > ageOn(birthDate, before);
}

export const MINOR_BELOW = 18;
export const ELDERLY_FROM = 60;

/**
 * Age-based special groups on a day; the codes are those of enums' special groups:
 * 'minor' under 18, 'elderly' at 60 and over. Empty for a birth date after `on`.
 */
export function ageGroups(birthDate: string, on: Date | string): ('minor' | 'elderly')[] {
  const age = ageOn(birthDate, on);
  if (age < 0) return [];
  if (age < MINOR_BELOW) return ['minor'];
  if (age >= ELDERLY_FROM) return ['elderly'];
  return [];
}
