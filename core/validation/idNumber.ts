import { PROVINCE_CODES } from '../domain/station';
import { calendarDayOf, compareYmd, formatYmd, isRealDate } from '../domain/calendar';

/** Checks of a resident identity card number (居民身份证, GB 11643). */

export type IdNumberResult =
  | { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female'; kind: 18 | 15 }
  | { ok: false; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * What a user typed, ready to check: NFKC turns the full-width digits and 'Ｘ' that
 * Chinese IMEs produce into ASCII; spaces are dropped because people copy numbers
 * grouped as 6-8-4.
 */
export function normalizeIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** The 18-character form of a valid 15-digit card (century 19 inserted, check character added). */
export function upgradeIdNumber15(old: string): string {
  const n = normalizeIdNumber(old);
  if (!/^\d{15}$/.test(n)) throw new RangeError('need 15 digits');
  const first17 = `${n.slice(0, 6)}19${n.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

/**
 * Checks a resident ID number as of `today` (a birth date after it is an error). The
 * message says what is wrong precisely enough for the person at the desk to find the
 * mistyped digit.
 */
export function checkIdNumber(value: string, today: Date | string): IdNumberResult {
  const n = normalizeIdNumber(value);
  if (n === '') return { ok: false, message: '请填写身份证号码' };
  if (!/^[0-9X]+$/.test(n)) return { ok: false, message: '身份证号码只能包含数字和末位的 X' };
  if (n.length !== 18 && n.length !== 15) {
    return { ok: false, message: `身份证号码位数不对：应为 18 位（旧证 15 位），现为 ${n.length} 位` };
  }
  const kind = n.length as 18 | 15;
  const body = kind === 18 ? n.slice(0, 17) : n;
  if (body.includes('X')) {
    return { ok: false, message: kind === 18 ? '身份证号码只有最后一位可以是 X' : '15 位身份证号码只能由数字组成' };
  }

  const province = n.slice(0, 2);
  if (!(province in PROVINCE_CODES)) {
    return { ok: false, message: `身份证号码前两位“${province}”不是有效的省级行政区划代码` };
  }

  const year = kind === 18 ? Number(n.slice(6, 10)) : 1900 + Number(n.slice(6, 8));
  const mmdd = kind === 18 ? n.slice(10, 14) : n.slice(8, 12);
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2, 4));
  const shown = kind === 18 ? n.slice(6, 14) : n.slice(6, 12);
  if (!isRealDate(year, month, day)) {
    return { ok: false, message: `身份证号码中的出生日期无效（${shown} 不是真实的日期）` };
  }
  const birthDate = formatYmd({ year, month, day });
  if (year < 1900) return { ok: false, message: `身份证号码中的出生日期早于 1900 年（${birthDate}）` };
  if (compareYmd(birthDate, calendarDayOf(today)) > 0) {
    return { ok: false, message: `身份证号码中的出生日期晚于今天（${birthDate}）` };
  }

  if (kind === 18) {
    const expected = idCheckCharacter(body);
    if (n[17] !== expected) {
      return {
        ok: false,
        message: `身份证号码校验码错误（按前 17 位应为 ${expected}），请逐位核对号码`,
      };
    }
  }

  const sequenceDigit = Number(kind === 18 ? n[16] : n[14]);
  return { ok: true, normalized: n, birthDate, gender: sequenceDigit % 2 === 1 ? 'male' : 'female', kind };
}
