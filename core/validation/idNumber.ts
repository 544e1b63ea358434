import { PROVINCE_CODES } from '../domain/station';
import { calendarDayOf, compareYmd, formatYmd, isRealDate } from '../domain/calendar';

/** Checks of a resident identity card number (居民身份证, GB 11643). */

export type IdNumberResult = { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female'; kind: 18 | 15 } | { ok: false; message: string };

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

/** What the checks call the document in their messages, and which first six digits it may start with. */
interface NumberKind {
  name: string;
  /** Region codes (first six digits) the number must start with; absent: a province code (GB/T 2260). */
  prefixes?: Readonly<Record<string, string>>;
  old15: boolean;
}

const RESIDENT_CARD: NumberKind = { name: '身份证号码', old15: true };

/**
 * Residence permits for residents of Hong Kong, Macao and Taiwan (港澳台居民居住证申领发放办法,
 * 2018): the number has the resident ID's 18-character form and MOD 11-2 check, with the
 * region codes 810000 (Hong Kong), 820000 (Macao) and 830000 (Taiwan) in place of an
 * address code; birth date and sequence (odd: male) read as on a resident ID.
 */
export const PERMIT_PREFIXES = {
  hk_macao: { '810000': '香港', '820000': '澳门' },
  taiwan: { '830000': '台湾' },
} as const;

const HK_MACAO_PERMIT: NumberKind = { name: '港澳居民居住证号码', prefixes: PERMIT_PREFIXES.hk_macao, old15: false };
const TAIWAN_PERMIT: NumberKind = { name: '台湾居民居住证号码', prefixes: PERMIT_PREFIXES.taiwan, old15: false };

/**
 * Checks a resident ID number as of `today` (a birth date after it is an error). The
 * message says what is wrong precisely enough for the person at the desk to find the
 * mistyped digit.
 */
export function checkIdNumber(value: string, today: Date | string): IdNumberResult {
  // A permit number typed as a resident ID (810000 would even pass the province check):
  // say which document it is. No resident ID card carries these region codes.
  const n = normalizeIdNumber(value);
  if (n.length === 18) {
    if (n.slice(0, 6) in PERMIT_PREFIXES.taiwan) return permitTypedAsId(n, '台湾居民居住证');
    if (n.slice(0, 6) in PERMIT_PREFIXES.hk_macao) return permitTypedAsId(n, '港澳居民居住证');
  }
  return checkNumber(value, today, RESIDENT_CARD);
}

function permitTypedAsId(n: string, permit: string): IdNumberResult {
  return { ok: false, message: `该号码以 ${n.slice(0, 6)} 开头，是${permit}号码，请将证件类型选为“${permit}”` };
}

/** Checks a residence-permit number of residents of Hong Kong and Macao, or of Taiwan. */
export function checkResidencePermitNumber(value: string, today: Date | string, region: 'hk_macao' | 'taiwan'): IdNumberResult {
  return checkNumber(value, today, region === 'taiwan' ? TAIWAN_PERMIT : HK_MACAO_PERMIT);
}

/**
 * The check for a document type whose number carries a birth date and gender (resident ID,
 * the two residence permits); null for any other type, whose number has no structure to check.
 */
export function checkIdByType(idType: string, value: string, today: Date | string): IdNumberResult | null {
  switch (idType) {
    case 'resident_id':
      return checkIdNumber(value, today);
    case 'hk_macao_residence_permit':
      return checkResidencePermitNumber(value, today, 'hk_macao');
    case 'taiwan_residence_permit':
      return checkResidencePermitNumber(value, today, 'taiwan');
    default:
      return null;
  }
}

function checkNumber(value: string, today: Date | string, kind: NumberKind): IdNumberResult {
  const name = kind.name;
  const n = normalizeIdNumber(value);
  if (n === '') return { ok: false, message: `请填写${name}` };
  if (!/^[0-9X]+$/.test(n)) return { ok: false, message: `${name}只能包含数字和末位的 X` };
  if (n.length !== 18 && !(kind.old15 && n.length === 15)) {
    const should = kind.old15 ? '应为 18 位（旧证 15 位）' : '应为 18 位';
    return { ok: false, message: `${name}位数不对：${should}，现为 ${n.length} 位` };
  }
  const length = n.length as 18 | 15;
  const body = length === 18 ? n.slice(0, 17) : n;
  if (body.includes('X')) {
    return { ok: false, message: length === 18 ? `${name}只有最后一位可以是 X` : '15 位身份证号码只能由数字组成' };
  }

  if (kind.prefixes) {
    if (!(n.slice(0, 6) in kind.prefixes)) {
      const allowed = Object.entries(kind.prefixes)
        .map(([code, region]) => `${code}（${region}）`)
        .join('或');
      return { ok: false, message: `${name}应以 ${allowed} 开头，现为 ${n.slice(0, 6)}` };
    }
  } else {
    const province = n.slice(0, 2);
    if (!(province in PROVINCE_CODES)) {
      return { ok: false, message: `${name}前两位“${province}”不是有效的省级行政区划代码` };
    }
  }

  const year = length === 18 ? Number(n.slice(6, 10)) : 1900 + Number(n.slice(6, 8));
  const mmdd = length === 18 ? n.slice(10, 14) : n.slice(8, 12);
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2, 4));
  const shown = length === 18 ? n.slice(6, 14) : n.slice(6, 12);
  if (!isRealDate(year, month, day)) {
    return { ok: false, message: `${name}中的出生日期无效（${shown} 不是真实的日期）` };
  }
  const birthDate = formatYmd({ year, month, day });
  if (year < 1900) return { ok: false, message: `${name}中的出生日期早于 1900 年（${birthDate}）` };
  if (compareYmd(birthDate, calendarDayOf(today)) > 0) {
    return { ok: false, message: `${name}中的出生日期晚于今天（${birthDate}）` };
  }

  if (length === 18) {
    const expected = idCheckCharacter(body);
    if (n[17] !== expected) {
      return {
        ok: false,
        message: `${name}校验码错误（按前 17 位应为 ${expected}），请逐位核对号码`,
      };
    }
  }

  const sequenceDigit = Number(length === 18 ? n[16] : n[14]);
  return { ok: true, normalized: n, birthDate, gender: sequenceDigit % 2 === 1 ? 'male' : 'female', kind: length };
}
