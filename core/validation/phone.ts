import { z } from 'zod';

/**
 * Mainland telephone numbers: mobiles (11 digits, 1[3-9]…) and landlines with an area
 * code. The stored form is digits only for a mobile and 'area-local[-extension]' for a
 * landline, so the same number typed two ways is stored once.
 */

export type PhoneResult =
  | { ok: true; kind: 'mobile'; normalized: string }
  | { ok: true; kind: 'landline'; normalized: string; areaCode: string; local: string; extension?: string }
  | { ok: false; message: string };

const LANDLINE_EXAMPLE = '，如 024-23456789';

/**
 * Area codes: 010 and 02x have three digits, every other one four (0xxx). This lets a
 * number typed without a hyphen be split unambiguously.
 */
function areaCodeLength(digits: string): 3 | 4 {
  return digits[1] === '1' || digits[1] === '2' ? 3 : 4;
}

export function checkPhone(value: string): PhoneResult {
  // NFKC: full-width digits, hyphens and parentheses from Chinese IMEs become ASCII.
  let s = value.normalize('NFKC').trim().toLowerCase();
  if (s === '') return { ok: false, message: '请填写电话号码' };

  // Extension markers people write: 转, 分机, ext, #.
  let extension: string | undefined;
  const ext = /(?:转|分机|ext\.?|#)\s*(\d*)\s*$/.exec(s);
  if (ext) {
    if (!ext[1]) return { ok: false, message: '分机号应为 1–6 位数字' };
    extension = ext[1];
    s = s.slice(0, ext.index);
  }

  // Spaces only group digits ("024 2345 6789"); hyphens and parentheses may also set off
  // the area code or an extension, so they split groups.
  s = s.replace(/\s+/g, '').replace(/[\u2010-\u2015\u2212]/g, '-');
  if (!/^[+\d()-]+$/.test(s)) return { ok: false, message: '电话号码只能包含数字、空格、连字符和括号' };

  // International prefix of a mainland number.
  s = s.replace(/^(\+|00)86-*/, '');
  const groups = s
    .replace(/[()]/g, '-')
    .split('-')
    .filter((g) => g !== '');
  const digits = groups.join('');
  if (digits === '') return { ok: false, message: '请填写电话号码' };

  if (digits.startsWith('1')) {
    if (extension !== undefined) return { ok: false, message: '手机号不能带分机号' };
    if (digits.length !== 11) return { ok: false, message: `手机号应为 11 位数字，现为 ${digits.length} 位` };
    if (!/^1[3-9]/.test(digits)) return { ok: false, message: '手机号第二位应为 3–9，请核对' };
    return { ok: true, kind: 'mobile', normalized: digits };
  }

  if (!digits.startsWith('0')) return { ok: false, message: `座机号请加区号${LANDLINE_EXAMPLE}；手机号应以 1 开头` };

  // The area code is the first group when set off, else cut by its known length.
  const first = groups[0]!;
  const setOff = groups.length > 1 && first.length <= 4;
  const areaCode = setOff ? first : first.slice(0, areaCodeLength(first));
  const pieces = setOff ? groups.slice(1) : [first.slice(areaCode.length), ...groups.slice(1)].filter((g) => g !== '');
  // The local number may itself be grouped (024-2345-6789); what is left after 7 digits
  // have been collected is an extension (024-23456789-801).
  let local = '';
  while (pieces.length > 0 && local.length < 7) local += pieces.shift();
  if (pieces.length > 1 || (pieces.length === 1 && extension !== undefined)) {
    return { ok: false, message: `电话号码的分段太多${LANDLINE_EXAMPLE}` };
  }
  if (pieces.length === 1) extension = pieces[0];

  if (!/^0\d{2,3}$/.test(areaCode) || areaCode.length !== areaCodeLength(areaCode)) {
    return { ok: false, message: `区号“${areaCode}”不正确：010、02X 为 3 位，其余为 4 位${LANDLINE_EXAMPLE}` };
  }
  if (!/^[2-9]\d{6,7}$/.test(local)) {
    if (/^\d+$/.test(local) && (local.length < 7 || local.length > 8)) {
      return { ok: false, message: `座机号码（区号后）应为 7–8 位，现为 ${local.length} 位` };
    }
    return { ok: false, message: `座机号码（区号后）应为 7–8 位数字，且不以 0 或 1 开头` };
  }
  if (extension !== undefined && !/^\d{1,6}$/.test(extension)) return { ok: false, message: '分机号应为 1–6 位数字' };

  const normalized = `${areaCode}-${local}${extension !== undefined ? `-${extension}` : ''}`;
  return extension !== undefined
    ? { ok: true, kind: 'landline', normalized, areaCode, local, extension }
    : { ok: true, kind: 'landline', normalized, areaCode, local };
}

/** The stored form when valid, else the input trimmed (for fields that are checked elsewhere). */
export function normalizePhone(value: string): string {
  const r = checkPhone(value);
  return r.ok ? r.normalized : value.trim();
}

/**
 * An optional phone field of a form schema: empty or null means not given; anything else
 * must be a number `checkPhone` reads, stored in its normalised form.
 */
export function optionalPhoneField() {
  return z.preprocess(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    z
      .string({ error: '联系电话格式不正确' })
      .transform((v, ctx) => {
        const r = checkPhone(v);
        if (r.ok) return r.normalized;
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      })
      .optional(),
  );
}
