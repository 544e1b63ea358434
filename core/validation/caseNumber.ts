/**
 * Case numbers (案号). Court numbers follow the Supreme People's Court rules in force
 * since 2016: （year）court code + case-type code + sequence + 号, e.g.
 * （2024）辽0102刑初123号. Lawyers also note procuratorate and police numbers
 * (沈检刑诉〔2024〕12号) and pre-2016 court or arbitration numbers ((2015)沈中刑初字第12号);
 * those have no single format, so they are kept as typed rather than rejected.
 */

export type CaseNumberResult =
  | { kind: 'empty' }
  | {
      kind: 'court';
      /** Canonical form, with full-width parentheses as courts print it. */
      normalized: string;
      year: number;
      /** 法院代字, e.g. 辽0102, 京73, 最高法. */
      courtCode: string;
      /** 类型代字, e.g. 刑初, 民终, 执. */
      typeCode: string;
      sequence: number;
      /** A numbered follow-up such as 之一, kept in the canonical form. */
      suffix: string;
    }
  | { kind: 'other'; normalized: string }
  | { kind: 'invalid'; message: string };

/**
 * First character of a court code: the court-numbering abbreviations of the provinces
 * (内 Inner Mongolia, 黔 Guizhou, 滇 Yunnan…) and 兵 for the Xinjiang Production and
 * Construction Corps courts. The Supreme People's Court writes 最高法.
 */
export const COURT_PROVINCE_ABBREVIATIONS = '京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新兵';

const OPENING = /[(（〔［[【]/;
const CLOSING = /[)）〕］\]】]/;
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const EXAMPLE = '，如（2024）辽0102刑初123号';

function asciiDigits(value: string): string {
  return value.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function startsWithCourtCode(body: string): boolean {
  return body.startsWith('最高法') || (body.length > 0 && COURT_PROVINCE_ABBREVIATIONS.includes(body[0]!));
}

/**
 * Classifies and normalises what was typed in a case-number field:
 * - 'court': a valid court number, with its parts and canonical form;
 * - 'other': anything that is not shaped like a court number, kept as typed (trimmed,
 *   full-width digits made ASCII so that search and sorting see the same digits);
 * - 'invalid': shaped like a court number (starts with a year and a court code) but
 *   malformed, with a message naming what is missing;
 * - 'empty'.
 * `currentYear`, when given, rejects a court year after it (a typo, since a case cannot be
 * numbered in a year that has not begun).
 */
export function parseCaseNumber(value: string, currentYear?: number): CaseNumberResult {
  const trimmed = value.trim();
  if (trimmed === '') return { kind: 'empty' };
  const other = { kind: 'other', normalized: asciiDigits(trimmed) } as const;

  // Pre-2016 numbers (…字第…号) and arbitration numbers keep their own form.
  const compact = trimmed.normalize('NFKC').replace(/\s+/g, '');
  if (compact.includes('字第')) return other;

  const lead = /^([(（〔［[【])?(\d+)([)）〕］\]】])?/.exec(compact);
  if (!lead) return other;
  const [matched, open, yearDigits = '', close] = lead;
  const body = compact.slice(matched.length);
  // A bare number with no bracket is a court number only if the rest parses cleanly.
  const bracketed = open !== undefined || close !== undefined;
  if (!startsWithCourtCode(body)) return other;
  if (!bracketed && yearDigits.length !== 4) return other;

  const invalid = (message: string) => ({ kind: 'invalid', message }) as const;
  if (bracketed && (open === undefined || close === undefined)) {
    return invalid(`案号的年份应写在一对括号内${EXAMPLE}`);
  }
  if (yearDigits.length !== 4) return invalid(`案号的年份应为 4 位数字${EXAMPLE}`);
  if (OPENING.test(body) || CLOSING.test(body)) return invalid(`案号中括号位置不对${EXAMPLE}`);
  const year = Number(yearDigits);
  if (year < 1949) return invalid(`案号年份 ${year} 不正确${EXAMPLE}`);
  if (currentYear !== undefined && year > currentYear) {
    return invalid(`案号年份 ${year} 晚于登记年份 ${currentYear}，请核对`);
  }

  const suffixMatch = /号(之[一二三四五六七八九十]+)?$/.exec(body);
  if (!suffixMatch) return invalid(`案号应以“号”结尾${EXAMPLE}`);
  const suffix = suffixMatch[1] ?? '';
  const inner = body.slice(0, body.length - suffixMatch[0].length);

  const court = inner.startsWith('最高法') ? '最高法' : inner[0]!;
  const afterCourt = inner.slice(court.length);
  const courtDigits = /^\d*/.exec(afterCourt)![0];
  const rest = afterCourt.slice(courtDigits.length);
  const typeCode = /^\p{Script=Han}*/u.exec(rest)![0];
  const sequenceDigits = rest.slice(typeCode.length);

  if (typeCode.includes('号')) return invalid(`案号中“号”只能出现在末尾${EXAMPLE}`);
  if (typeCode === '') return invalid(`案号缺少案件类型代字（如“刑初”“民终”“执”）${EXAMPLE}`);
  if (courtDigits.length > 6) return invalid(`法院代字“${court}${courtDigits}”中的数字过长${EXAMPLE}`);
  if (typeCode.length > 6) return invalid(`案件类型代字“${typeCode}”过长${EXAMPLE}`);
  if (sequenceDigits === '') return invalid(`案号缺少顺序号（“号”前的数字）${EXAMPLE}`);
  if (!/^\d+$/.test(sequenceDigits)) return invalid(`案号顺序号只能是数字${EXAMPLE}`);
  const sequence = Number(sequenceDigits);
  if (sequence === 0 || sequenceDigits.length > 7) return invalid(`案号顺序号“${sequenceDigits}”不正确${EXAMPLE}`);

  const courtCode = court + courtDigits;
  return {
    kind: 'court',
    // Leading zeros dropped: courts print 123, and one stored form keeps lookups exact.
    normalized: `（${year}）${courtCode}${typeCode}${sequence}号${suffix}`,
    year,
    courtCode,
    typeCode,
    sequence,
    suffix,
  };
}

/** The stored form of a case-number field: canonical for court numbers, else trimmed as typed. */
export function normalizeCaseNumber(value: string): string {
  const r = parseCaseNumber(value);
  if (r.kind === 'court' || r.kind === 'other') return r.normalized;
  return value.trim();
}
