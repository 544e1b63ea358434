/**
 * Calendar dates as 'YYYY-MM-DD' strings. Birth dates and "the day of the contact" are
 * wall-calendar days, not instants: comparing them as Date objects would shift them by
 * the machine's time zone, so the domain rules work on these strings.
 */

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD'; null when malformed or not a real calendar day. */
export function parseYmd(value: string): Ymd | null {
  const m = YMD.exec(value);
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(ymd.year, ymd.month, ymd.day) ? ymd : null;
}

export function formatYmd({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The calendar day of a moment. For an RFC 3339 string the day is read in the string's
 * own offset (the station's wall clock when it was written), so a contact logged at
 * 00:30 +08:00 counts on that day whatever zone the reading machine is in. A Date is
 * read in the local zone of this machine, which is where the lawyer sits.
 */
export function calendarDayOf(value: Date | string): string {
  if (typeof value === 'string') {
    const day = value.slice(0, 10);
    if (parseYmd(day)) return day;
    throw new RangeError(`not a date: ${value}`);
  }
  if (Number.isNaN(value.getTime())) throw new RangeError('invalid Date');
  return formatYmd({ year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() });
}

/** Lexicographic order is calendar order for zero-padded four-digit years. */
export function compareYmd(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
