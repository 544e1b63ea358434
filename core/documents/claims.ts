import { fenToYuan, formatYuan, yuanToFen as toFen } from '../money';
import type { DocumentValues } from './template';

/**
 * Claimed amounts in 仲裁请求 / 诉讼请求. Each claim is one line as the lawyer writes it
 * ("裁决被申请人支付2025年8月至12月工资38,500元"); its amount is the sum of money it
 * ends with. A claim without a closing amount (确认劳动关系, interest "以……为基数计算至
 * 实际给付之日") counts for nothing, so the total never includes a base figure quoted in
 * the middle of a claim. Sums are exact in fen.
 */

/** Any sum of money in yuan; counted outside brackets to tell a claim that names two sums. */
const ANY_AMOUNT = /\d[\d,]*(?:\.\d+)?万?元/gu;
const BRACKETED = /[（(][^（）()]*[）)]/gu;

/** A closing note in brackets ("（暂计至2026年1月31日）") and final punctuation do not hide the amount. */
const TRAILER = /(?:[（(][^（）()]*[）)]|[；;。，,、.\s])+$/u;
const CLOSING_AMOUNT = /(?:人民币)?(\d[\d,]*(?:\.\d+)?)(万)?元(?:整)?$/u;

/**
 * The amount a claim ends with, in fen; null when it names none. A claim that names two
 * sums outside brackets ("护理费3,200元、交通费360.50元") is `ambiguous`: which of them
 * it asks for cannot be read safely, so it is not summed.
 */
export function claimAmount(claim: string): { fen: number | null; ambiguous: boolean } {
  const sums = claim.replace(BRACKETED, '').match(ANY_AMOUNT) ?? [];
  const fen = claimAmountFen(claim);
  return { fen, ambiguous: sums.length > 1 };
}

export function claimAmountFen(claim: string): number | null {
  const body = claim.trim().replace(TRAILER, '');
  const m = CLOSING_AMOUNT.exec(body);
  if (!m) return null;
  const digits = m[1]!.replace(/,/g, '');
  if (m[2]) {
    // 3.85万元: shift the decimal point four places, still in whole fen.
    const [whole, frac = ''] = digits.split('.');
    if (frac.length > 6) return null;
    return toFen(`${whole}${frac.padEnd(4, '0').slice(0, 4)}.${frac.slice(4).padEnd(2, '0')}`.replace(/^0+(?=\d)/, ''));
  }
  return toFen(digits);
}

export interface ClaimsTotal {
  fen: number;
  /** Decimal yuan, as money fields store it ('57750.00'). */
  yuan: string;
  /** How many claims named an amount. */
  counted: number;
  /** 1-based numbers of the claims naming more than one sum; the total is then left to the lawyer. */
  ambiguous: number[];
}

export function claimsTotal(claims: readonly string[]): ClaimsTotal {
  let fen = 0;
  let counted = 0;
  const ambiguous: number[] = [];
  claims.forEach((claim, i) => {
    const amount = claimAmount(claim);
    if (amount.ambiguous) ambiguous.push(i + 1);
    if (amount.fen === null) return;
    fen += amount.fen;
    counted += 1;
  });
  return { fen, yuan: fenToYuan(fen), counted, ambiguous };
}

function claimList(values: DocumentValues, field: string): string[] {
  const v = values[field];
  return Array.isArray(v) ? v : [];
}

/** Template hook: fills the total field from the claims when the lawyer left it empty. */
export function deriveClaimsTotal(claimsField: string, totalField: string) {
  return (values: DocumentValues): DocumentValues => {
    const total = claimsTotal(claimList(values, claimsField));
    return total.counted > 0 && total.ambiguous.length === 0 ? { [totalField]: total.yuan } : {};
  };
}

/** Template hook: a typed total must equal the sum of the amounts the claims end with. */
export function checkClaimsTotal(claimsField: string, totalField: string, label: string) {
  return (values: DocumentValues): { field: string; message: string }[] => {
    const typed = values[totalField];
    if (typeof typed !== 'string' || typed === '') return [];
    const total = claimsTotal(claimList(values, claimsField));
    const typedFen = toFen(typed);
    // Where a claim names two sums the lawyer's own total stands.
    if (typedFen === null || typedFen === total.fen || total.ambiguous.length > 0) return [];
    return [
      {
        field: totalField,
        message:
          total.counted === 0
            ? `各项请求均未以金额结尾，无法核对${label}；请在请求末尾写明金额（如“……工资38,500元”），或清空${label}`
            : `${label}应为各项请求金额之和 ${formatYuan(total.yuan)}，现填写为 ${formatYuan(typed)}；清空后将自动合计`,
      },
    ];
  };
}
